package io.github.cxkpi.time;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A service-time KPI's definition: the measure, the histogram's relative accuracy, the targets
 * counted exactly (service levels), the quantiles reported, the confidence level and the
 * small-sample threshold. Immutable and thread-safe; {@code with...} methods return new
 * definitions.
 *
 * <p>Defaults: 1 % accuracy; quantiles 0.5, 0.9, 0.95 and 0.99; level 0.95; small below 30;
 * targets 1 h and 24 h for first response, 24 h and 72 h for resolution and requester wait
 * time, 20 s for speed of
 * answer ("80 % in 20 s"), none for handle time.
 *
 * @since 0.1.0
 */
public final class ServiceTimeDefinition {
  private final ServiceTimeMeasure measure;
  private final double relativeAccuracy;
  private final List<Duration> targets;
  private final double[] quantiles;
  private final double level;
  private final long smallSampleBelow;

  ServiceTimeDefinition(ServiceTimeMeasure measure, double relativeAccuracy,
      List<Duration> targets, double[] quantiles, double level, long smallSampleBelow) {
    this.measure = Objects.requireNonNull(measure, "measure is null");
    DurationHistogram.checkAccuracy(relativeAccuracy);
    // The histogram sorts and checks the targets.
    this.targets = DurationHistogram.create(relativeAccuracy, targets).targets();
    if (quantiles.length == 0 || quantiles.length > 16) {
      throw new IllegalArgumentException("1 to 16 quantiles, was " + quantiles.length);
    }
    for (double q : quantiles) {
      DurationHistogram.checkQuantile(q);
    }
    this.quantiles = quantiles.clone();
    DurationHistogram.checkLevel(level);
    if (smallSampleBelow < 0) {
      throw new IllegalArgumentException("smallSampleBelow must be >= 0, was "
          + smallSampleBelow);
    }
    this.relativeAccuracy = relativeAccuracy;
    this.level = level;
    this.smallSampleBelow = smallSampleBelow;
  }

  static ServiceTimeDefinition defaults(ServiceTimeMeasure measure) {
    List<Duration> targets = switch (measure) {
      case FIRST_RESPONSE -> List.of(Duration.ofHours(1), Duration.ofHours(24));
      case FIRST_RESOLUTION, FINAL_RESOLUTION, REQUESTER_WAIT -> List.of(Duration.ofHours(24),
          Duration.ofHours(72));
      case SPEED_OF_ANSWER -> List.of(Duration.ofSeconds(20));
      case HANDLE -> List.of();
    };
    return new ServiceTimeDefinition(measure, DurationHistogram.DEFAULT_RELATIVE_ACCURACY,
        targets, new double[] {0.5, 0.9, 0.95, 0.99}, 0.95, 30);
  }

  /**
   * The measure.
   *
   * @return the measure
   */
  public ServiceTimeMeasure measure() {
    return measure;
  }

  /**
   * The histogram's relative accuracy.
   *
   * @return the accuracy
   */
  public double relativeAccuracy() {
    return relativeAccuracy;
  }

  /**
   * The targets, ascending.
   *
   * @return the targets
   */
  public List<Duration> targets() {
    return targets;
  }

  /**
   * The quantiles reported.
   *
   * @return the quantiles
   */
  public List<Double> quantiles() {
    List<Double> list = new ArrayList<>();
    for (double q : quantiles) {
      list.add(q);
    }
    return List.copyOf(list);
  }

  /**
   * The confidence level of the result's intervals.
   *
   * @return the level
   */
  public double level() {
    return level;
  }

  /**
   * The count below which a result is flagged as a small sample.
   *
   * @return the threshold
   */
  public long smallSampleBelow() {
    return smallSampleBelow;
  }

  /**
   * This definition with other targets (service levels).
   *
   * @param targets the targets, each positive, at most {@value DurationHistogram#MAX_TARGETS}
   * @return the definition
   */
  public ServiceTimeDefinition withTargets(Duration... targets) {
    return new ServiceTimeDefinition(measure, relativeAccuracy, List.of(targets), quantiles,
        level, smallSampleBelow);
  }

  /**
   * This definition with another relative accuracy.
   *
   * @param relativeAccuracy the accuracy (see {@link DurationHistogram#create(double, List)})
   * @return the definition
   */
  public ServiceTimeDefinition withRelativeAccuracy(double relativeAccuracy) {
    return new ServiceTimeDefinition(measure, relativeAccuracy, targets, quantiles, level,
        smallSampleBelow);
  }

  /**
   * This definition reporting other quantiles.
   *
   * @param quantiles 1 to 16 quantiles, each in [0, 1]
   * @return the definition
   */
  public ServiceTimeDefinition withQuantiles(double... quantiles) {
    return new ServiceTimeDefinition(measure, relativeAccuracy, targets, quantiles, level,
        smallSampleBelow);
  }

  /**
   * This definition with another confidence level.
   *
   * @param level the level, in (0, 1)
   * @return the definition
   */
  public ServiceTimeDefinition withLevel(double level) {
    return new ServiceTimeDefinition(measure, relativeAccuracy, targets, quantiles, level,
        smallSampleBelow);
  }

  double[] quantileArray() {
    return quantiles.clone();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ServiceTimeDefinition d && measure == d.measure
        && relativeAccuracy == d.relativeAccuracy && targets.equals(d.targets)
        && Arrays.equals(quantiles, d.quantiles) && level == d.level
        && smallSampleBelow == d.smallSampleBelow;
  }

  @Override
  public int hashCode() {
    return Objects.hash(measure, relativeAccuracy, targets, Arrays.hashCode(quantiles), level,
        smallSampleBelow);
  }

  @Override
  public String toString() {
    return measure + " (accuracy " + relativeAccuracy + ", targets "
        + targets.stream().map(DurationHistogram::text).toList() + ", quantiles "
        + Arrays.toString(quantiles) + ", level " + level + ", small below " + smallSampleBelow
        + ")";
  }
}
