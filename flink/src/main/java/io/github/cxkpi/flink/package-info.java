/**
 * cxkpi on Apache Flink: {@link io.github.cxkpi.flink.RatingAggregateFunction}s for NPS, CSAT,
 * CES and survey FCR (so that a keyed, windowed job computes any of them with
 * {@code aggregate(...)}), {@code TypeSerializer}s built on the cxkpi codec with snapshots for
 * schema evolution (no Kryo, no POJO guessing), and
 * {@link io.github.cxkpi.flink.RepeatContactFcrFunction}, repeat-contact FCR on Flink's event
 * time, keyed state and timers, with late contacts on a side output.
 *
 * <p>Flink is a {@code provided} dependency of this module only. Hand Flink the types
 * explicitly ({@link io.github.cxkpi.flink.CxkpiTypes}).
 */
@NullMarked
package io.github.cxkpi.flink;

import org.jspecify.annotations.NullMarked;
