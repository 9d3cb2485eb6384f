/**
 * The bounded-scale histogram and the machinery that every rating KPI shares: the
 * {@link io.github.cxkpi.scale.RatingAggregator} base (single-threaded), the thread-safe
 * {@link io.github.cxkpi.scale.RatingRecorder}, {@link java.util.stream.Collector}s, and the
 * policies for blank and off-scale answers.
 *
 * <pre>{@code
 * ScaleHistogram h = ScaleHistogram.of(0, 10);
 * h.addAll(new int[] {10, 9, 7, 3});
 * h.add(8, 1.5);                 // a weighted response
 * long nines = h.count(9);       // 1
 * double w = h.totalWeight();    // 5.5
 * }</pre>
 *
 * <p>Every statistic a KPI needs is exact from the counts: the share of a set of points is
 * {@code Σ count / n}, the mean {@code Σ point · count / n}, the variance follows from the
 * counts around the mean (never from {@code Σx² - (Σx)²/n}). Weighted figures use the weight
 * sums per point and Kish's effective sample size {@code (Σw)² / Σw²}.
 */
@NullMarked
package io.github.cxkpi.scale;

import org.jspecify.annotations.NullMarked;
