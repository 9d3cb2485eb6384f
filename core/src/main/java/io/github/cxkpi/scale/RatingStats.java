package io.github.cxkpi.scale;

import io.github.cxkpi.stats.Interval;
import io.github.cxkpi.stats.Means;
import io.github.cxkpi.stats.Proportions;
import java.util.List;
import java.util.Objects;

/**
 * The statistics of the answers on a rating scale, exact from the histogram: the
 * distribution, the mean and variance, shares of any range of points with their Wilson
 * intervals, and the mean's t interval. Immutable.
 *
 * <p>Unweighted, the variance is {@code Σ c (x - mean)² / (n - 1)}, summed around the mean
 * (never {@code Σx² - (Σx)²/n}). Weighted, shares and the mean are weight shares and weighted
 * means, the variance is {@code Σ w (x - mean)² / Σw · n_eff / (n_eff - 1)}, and intervals use
 * Kish's effective sample size {@code n_eff = (Σw)²/Σw²}.
 *
 * @param scaleMin the lowest point
 * @param scaleMax the highest point
 * @param respondents answers on the scale
 * @param blanks blank answers (never in these statistics)
 * @param rejected answers off the scale, counted as rejected
 * @param counts the count of each point, lowest first
 * @param weights the weight sum of each point, lowest first
 * @param sumOfSquaredWeights Σw² over the answers
 * @param weighted whether any answer carried a weight other than 1
 * @since 0.1.0
 */
public record RatingStats(
    int scaleMin,
    int scaleMax,
    long respondents,
    long blanks,
    long rejected,
    List<Long> counts,
    List<Double> weights,
    double sumOfSquaredWeights,
    boolean weighted) {

  /**
   * Copies the lists and checks their sizes.
   *
   * @param scaleMin the lowest point
   * @param scaleMax the highest point
   * @param respondents answers on the scale
   * @param blanks blank answers (never in these statistics)
   * @param rejected answers off the scale, counted as rejected
   * @param counts the count of each point, lowest first
   * @param weights the weight sum of each point, lowest first
   * @param sumOfSquaredWeights Σw² over the answers
   * @param weighted whether any answer carried a weight other than 1
   */
  public RatingStats {
    counts = List.copyOf(counts);
    weights = List.copyOf(weights);
    int size = scaleMax - scaleMin + 1;
    if (counts.size() != size || weights.size() != size) {
      throw new IllegalArgumentException("need " + size + " counts and weights for the scale "
          + scaleMin + ".." + scaleMax + ", got " + counts.size() + " and " + weights.size());
    }
  }

  static RatingStats of(ScaleHistogram h, long blanks, long rejected, boolean weighted) {
    int size = h.max() - h.min() + 1;
    Long[] c = new Long[size];
    Double[] w = new Double[size];
    for (int i = 0; i < size; i++) {
      c[i] = h.count(h.min() + i);
      w[i] = h.weight(h.min() + i);
    }
    return new RatingStats(h.min(), h.max(), h.totalCount(), blanks, rejected, List.of(c),
        List.of(w), h.totalWeightSquares(), weighted);
  }

  private void checkPoint(int point, String what) {
    if (point < scaleMin || point > scaleMax) {
      throw new IllegalArgumentException(
          what + " " + point + " is outside the scale " + scaleMin + ".." + scaleMax);
    }
  }

  /**
   * The count of one point.
   *
   * @param point a point of the scale
   * @return its count
   */
  public long count(int point) {
    checkPoint(point, "point");
    return counts.get(point - scaleMin);
  }

  /**
   * The weight of all answers ({@link #respondents()} when unweighted).
   *
   * @return Σw
   */
  public double totalWeight() {
    double s = 0;
    for (double w : weights) {
      s += w;
    }
    return s;
  }

  /**
   * Kish's effective sample size; the respondent count when unweighted.
   *
   * @return n_eff
   */
  public double effectiveSampleSize() {
    if (!weighted) {
      return respondents;
    }
    double w = totalWeight();
    return sumOfSquaredWeights == 0 ? 0 : w * w / sumOfSquaredWeights;
  }

  /**
   * The share of answers on the points {@code from..to} (bounds included).
   *
   * @param from the lowest point of the range
   * @param to the highest point of the range
   * @return the share, NaN when there are no answers
   */
  public double share(int from, int to) {
    checkPoint(from, "range start");
    checkPoint(to, "range end");
    double s = 0;
    for (long p = from; p <= to; p++) { // long: a range may end at Integer.MAX_VALUE
      s += weights.get((int) (p - scaleMin));
    }
    return s / totalWeight();
  }

  /**
   * The Wilson interval of {@link #share(int, int)}, with n_eff as the sample size.
   *
   * @param from the lowest point of the range
   * @param to the highest point of the range
   * @param level the confidence level
   * @return the interval
   */
  public Interval shareInterval(int from, int to, double level) {
    double p = share(from, to);
    double n = effectiveSampleSize();
    return n == 0 ? Proportions.wilson(0, 0, level) : Proportions.wilson(p, n, level);
  }

  /**
   * The mean answer.
   *
   * @return the mean, NaN when there are no answers
   */
  public double mean() {
    if (!weighted) {
      long sum = 0;
      for (int i = 0; i < counts.size(); i++) {
        sum = Math.addExact(sum, Math.multiplyExact(counts.get(i), (long) (scaleMin + i)));
      }
      return (double) sum / respondents;
    }
    double s = 0;
    for (int i = 0; i < weights.size(); i++) {
      s += weights.get(i) * (scaleMin + i);
    }
    return s / totalWeight();
  }

  /**
   * The mean rescaled to 0..1: {@code (mean - min) / (max - min)}.
   *
   * @return the normalized mean
   */
  public double normalizedMean() {
    return (mean() - scaleMin) / (scaleMax - scaleMin);
  }

  /**
   * The sample variance of the answers (see the class description for the weighted form).
   *
   * @return the variance, NaN below two answers
   */
  public double variance() {
    double m = mean();
    if (!weighted) {
      if (respondents < 2) {
        return Double.NaN;
      }
      double ss = 0;
      for (int i = 0; i < counts.size(); i++) {
        double d = scaleMin + i - m;
        ss += counts.get(i) * d * d;
      }
      return ss / (respondents - 1);
    }
    double n = effectiveSampleSize();
    if (!(n > 1)) {
      return Double.NaN;
    }
    double ss = 0;
    for (int i = 0; i < weights.size(); i++) {
      double d = scaleMin + i - m;
      ss += weights.get(i) * d * d;
    }
    return ss / totalWeight() * n / (n - 1);
  }

  /**
   * The sample standard deviation.
   *
   * @return the standard deviation
   */
  public double standardDeviation() {
    return Math.sqrt(variance());
  }

  /**
   * The t interval of the mean: {@code mean ± t(n_eff - 1) · s / sqrt(n_eff)}.
   *
   * @param level the confidence level
   * @return the interval
   */
  public Interval meanInterval(double level) {
    return Means.tInterval(mean(), standardDeviation(), effectiveSampleSize(), level);
  }

  /**
   * Compares these answers with a baseline's: the difference of the shares of {@code from..to}
   * (pooled z test, Newcombe's interval) and of the means (Welch's t test).
   *
   * @param baseline the baseline (another period or segment), on the same scale
   * @param from the lowest point of the share's range
   * @param to the highest point of the share's range
   * @param level the confidence level
   * @return the comparison, {@code this - baseline}
   */
  public RatingComparison compare(RatingStats baseline, int from, int to, double level) {
    Objects.requireNonNull(baseline, "baseline is null");
    if (baseline.scaleMin != scaleMin || baseline.scaleMax != scaleMax) {
      throw new IllegalArgumentException("cannot compare ratings on the scale " + scaleMin + ".."
          + scaleMax + " with ratings on " + baseline.scaleMin + ".." + baseline.scaleMax);
    }
    double n1 = effectiveSampleSize();
    double n2 = baseline.effectiveSampleSize();
    return new RatingComparison(
        Proportions.compare(n1 == 0 ? 0 : share(from, to), n1,
            n2 == 0 ? 0 : baseline.share(from, to), n2, level),
        Means.welch(mean(), variance(), n1, baseline.mean(), baseline.variance(), n2, level));
  }
}
