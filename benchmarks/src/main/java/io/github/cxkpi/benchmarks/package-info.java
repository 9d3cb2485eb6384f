/**
 * JMH benchmarks, written the JMH samples' way: inputs read from non-final {@code @State}
 * fields, results returned, no hand loops for per-operation costs, always forked; each
 * benchmark sits beside a raw baseline measured in the same run. {@link
 * io.github.cxkpi.benchmarks.Report} runs a short version and prints the ratios.
 */
@NullMarked
package io.github.cxkpi.benchmarks;

import org.jspecify.annotations.NullMarked;
