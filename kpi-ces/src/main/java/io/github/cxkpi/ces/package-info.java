/**
 * Customer Effort Score.
 *
 * <p>CES 2.0 (the default): "The company made it easy for me to handle my issue", 1-7
 * agreement, higher is better; easy = 5-7, difficult = 1-3; reported as the mean (t interval),
 * the easy share (Wilson interval) and net easy = easy share - difficult share. CES 1.0: "How
 * much effort did you personally have to put forth?", 1-5, lower is better; low effort (easy)
 * = 1-2, high effort = 4-5.
 *
 * <p>The definition knows its {@link io.github.cxkpi.scale.Direction}: in
 * {@link io.github.cxkpi.ces.CesResult#compare comparisons} a positive change always means
 * better (easier), for both versions.
 *
 * <pre>{@code
 * CesResult r = Ces.aggregator().addAll(7, 6, 6, 5, 7, 4, 3).result();
 * r.easyShare();           // 5/7
 * r.meanInterval(0.95);
 * }</pre>
 */
@NullMarked
package io.github.cxkpi.ces;

import org.jspecify.annotations.NullMarked;
