/**
 * The statistics the KPI modules share: the standard normal and Student's t distributions,
 * intervals for a proportion (Wilson, Agresti-Coull, Clopper-Pearson, Jeffreys), a mean's
 * t interval, and two-sample comparisons (z test, Newcombe's interval, Welch's t test).
 *
 * <p>Every function is exact to about 1e-12 or better against references computed
 * independently (the tests say how). All types are immutable or stateless and thread-safe.
 *
 * <pre>{@code
 * Interval ci = Proportions.wilson(14, 20, 0.95);   // [0.4810, 0.8545]
 * double z = Normal.quantile(0.975);                  // 1.959963984540054
 * }</pre>
 */
@NullMarked
package io.github.cxkpi.stats;

import org.jspecify.annotations.NullMarked;
