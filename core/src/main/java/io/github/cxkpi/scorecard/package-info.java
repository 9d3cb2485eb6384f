/**
 * Scorecards over the customer journey: every KPI, per segment (channel, journey stage,
 * touchpoint, any attribute, or combinations) and per window in event time (calendar day,
 * ISO week, month in a time zone, or rolling windows built from daily panes), with the change
 * against the previous window. It names only the KPI SPI.
 *
 * <pre>{@code
 * Scorecard journey = Scorecard.builder().segmentBy(Segmenter.journeyStage())
 *     .windows(WindowScheme.rolling(28, ZoneId.of("Europe/Paris"))).build();
 * }</pre>
 */
@NullMarked
package io.github.cxkpi.scorecard;

import org.jspecify.annotations.NullMarked;
