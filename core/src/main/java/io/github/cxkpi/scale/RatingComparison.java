package io.github.cxkpi.scale;

import io.github.cxkpi.stats.Difference;

/**
 * Two rating results compared ({@code this - baseline}): the difference of a share (pooled
 * two-proportion z test, Newcombe's hybrid score interval) and of the means (Welch's t test).
 *
 * @param share the share's difference
 * @param mean the means' difference
 * @since 0.1.0
 */
public record RatingComparison(Difference share, Difference mean) {}
