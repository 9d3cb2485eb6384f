/**
 * The immutable event model: what customers do, as the KPIs consume it.
 *
 * <p>An {@link io.github.cxkpi.event.Interaction} has what every interaction has (customer,
 * instant, channel, journey stage, optional touchpoint, free attributes); its kinds are a
 * {@link io.github.cxkpi.event.SurveyResponse} and a {@link io.github.cxkpi.event.ServiceContact}.
 * Every value is validated when it is built: a blank customer id, a null instant or a NaN,
 * infinite or non-positive weight is refused with an exception that names the field and the value.
 *
 * <pre>{@code
 * SurveyResponse r = SurveyResponse.builder("cust-42", Instant.parse("2026-11-02T10:15:30Z"))
 *     .question("nps").score(9).channel(Channel.WEB).stage(JourneyStage.PURCHASE).build();
 * }</pre>
 */
@NullMarked
package io.github.cxkpi.event;

import org.jspecify.annotations.NullMarked;
