package io.github.cxkpi.nps;

import io.github.cxkpi.scale.BlankPolicy;
import io.github.cxkpi.scale.RatingResult;
import io.github.cxkpi.scale.RatingStats;
import io.github.cxkpi.stats.Difference;
import io.github.cxkpi.stats.Interval;
import io.github.cxkpi.stats.Normal;
import io.github.cxkpi.stats.ZTest;
import java.util.Objects;

/**
 * An NPS and everything needed to judge it: an immutable snapshot of the tallies, with the
 * figures derived from them. Statistical figures ({@link #fraction()}, {@link #variance()},
 * {@link #standardError()}, intervals, comparisons) are on the -1..1 scale of the
 * statistics literature; {@link #score()} is the familiar -100..100 (use
 * {@link Interval#scaled(double) interval.scaled(100)} for points).
 *
 * <p>When weighted, shares are weight shares and the sample size in the statistics is Kish's
 * effective sample size {@code (Σw)²/Σw²}; unweighted, it is the respondent count.
 *
 * @param definition the definition it was computed under
 * @param respondents answers on the scale
 * @param blanks blank answers (in the denominator only with {@link
 *     BlankPolicy#COUNT_IN_DENOMINATOR})
 * @param rejected answers off the scale, counted as rejected
 * @param promoters answers at or above the promoter break
 * @param passives answers between the breaks
 * @param detractors answers below the passive break
 * @param promoterWeight the promoters' weight sum (their count when unweighted)
 * @param passiveWeight the passives' weight sum
 * @param detractorWeight the detractors' weight sum
 * @param blankWeight the blank answers' weight sum
 * @param sumOfSquaredWeights Σw² over the responses in the denominator
 * @param weighted whether any response carried a weight other than 1
 * @param stats the statistics of the raw answers on the scale (their mean, spread and
 *     distribution), as for every rating KPI
 * @since 0.1.0
 */
public record NpsResult(
    NpsDefinition definition,
    long respondents,
    long blanks,
    long rejected,
    long promoters,
    long passives,
    long detractors,
    double promoterWeight,
    double passiveWeight,
    double detractorWeight,
    double blankWeight,
    double sumOfSquaredWeights,
    boolean weighted,
    RatingStats stats) implements RatingResult {

  /**
   * Checks that the tallies are consistent.
   *
   * @param definition the definition it was computed under
   * @param respondents answers on the scale
   * @param blanks blank answers (in the denominator only with {@link
   *     BlankPolicy#COUNT_IN_DENOMINATOR})
   * @param rejected answers off the scale, counted as rejected
   * @param promoters answers at or above the promoter break
   * @param passives answers between the breaks
   * @param detractors answers below the passive break
   * @param promoterWeight the promoters' weight sum (their count when unweighted)
   * @param passiveWeight the passives' weight sum
   * @param detractorWeight the detractors' weight sum
   * @param blankWeight the blank answers' weight sum
   * @param sumOfSquaredWeights Σw² over the responses in the denominator
   * @param weighted whether any response carried a weight other than 1
   * @param stats the statistics of the raw answers on the scale
   */
  public NpsResult {
    Objects.requireNonNull(definition, "definition is null");
    Objects.requireNonNull(stats, "stats is null");
    if (stats.respondents() != respondents || stats.blanks() != blanks
        || stats.rejected() != rejected || stats.scaleMin() != definition.scaleMin()
        || stats.scaleMax() != definition.scaleMax()) {
      throw new IllegalArgumentException("the NPS tallies (respondents " + respondents
          + ", blanks " + blanks + ", rejected " + rejected + " on " + definition.scaleMin()
          + ".." + definition.scaleMax() + ") disagree with their statistics " + stats);
    }
    if (respondents < 0 || blanks < 0 || rejected < 0 || promoters < 0 || passives < 0
        || detractors < 0 || promoters + passives + detractors != respondents) {
      throw new IllegalArgumentException("inconsistent NPS tallies: respondents " + respondents
          + ", promoters " + promoters + ", passives " + passives + ", detractors " + detractors
          + ", blanks " + blanks + ", rejected " + rejected);
    }
  }

  private boolean blanksCount() {
    return definition.blankPolicy() == BlankPolicy.COUNT_IN_DENOMINATOR;
  }

  /**
   * The responses in the denominator: respondents, plus blanks when the policy counts them.
   *
   * @return the count
   */
  public long n() {
    return blanksCount() ? respondents + blanks : respondents;
  }

  /**
   * The weight of the responses in the denominator (equal to {@link #n()} when unweighted).
   *
   * @return the weight sum
   */
  public double totalWeight() {
    return promoterWeight + passiveWeight + detractorWeight + (blanksCount() ? blankWeight : 0);
  }

  /**
   * The share of promoters, 0..1 (NaN when n is 0).
   *
   * @return the share
   */
  public double promoterShare() {
    return promoterWeight / totalWeight();
  }

  /**
   * The share of passives, 0..1 (blank answers counted in the denominator are not passives).
   *
   * @return the share
   */
  public double passiveShare() {
    return passiveWeight / totalWeight();
  }

  /**
   * The share of detractors, 0..1.
   *
   * @return the share
   */
  public double detractorShare() {
    return detractorWeight / totalWeight();
  }

  /**
   * NPS on -1..1: promoter share minus detractor share.
   *
   * @return the NPS as a fraction, NaN when n is 0
   */
  public double fraction() {
    return promoterShare() - detractorShare();
  }

  /**
   * NPS on -100..100.
   *
   * @return the score, NaN when n is 0
   */
  public double score() {
    return 100 * fraction();
  }

  /**
   * The variance per response of the +1/0/-1 coding: {@code p + d - (p - d)²}.
   *
   * @return the variance
   */
  public double variance() {
    double p = promoterShare();
    double d = detractorShare();
    return Math.max(0, p + d - (p - d) * (p - d));
  }

  /**
   * Kish's effective sample size {@code (Σw)²/Σw²}; equal to {@link #n()} when unweighted.
   *
   * @return the effective sample size
   */
  public double effectiveSampleSize() {
    if (!weighted) {
      return n();
    }
    double w = totalWeight();
    return sumOfSquaredWeights == 0 ? 0 : w * w / sumOfSquaredWeights;
  }

  /**
   * The standard error of {@link #fraction()}: {@code sqrt(s² / n_eff)}.
   *
   * @return the standard error, NaN when n is 0
   */
  public double standardError() {
    return Math.sqrt(variance() / effectiveSampleSize());
  }

  /**
   * Whether n is below the definition's reporting threshold (30 by default).
   *
   * @return {@code true} for a small sample
   */
  public boolean isSmallSample() {
    return n() < definition.smallSampleThreshold();
  }

  /**
   * The adjusted-Wald interval of {@link #fraction()} at a level.
   *
   * <p>The interval is centred on the adjusted estimate (P + 0.75)/(n + 3) - (D + 0.75)/(n + 3),
   * not on the NPS itself, which is what makes it cover well at small n; the price is that at a
   * handful of answers it can exclude the point estimate: one promoter gives NPS 100 and a 95 %
   * interval of [-48.5, 98.5] points. Such samples are flagged by {@link #isSmallSample()};
   * where an interval must contain the estimate, use {@link NpsIntervalMethod#SCORE}.
   *
   * @param level the confidence level, e.g. 0.95
   * @return the interval on -1..1; {@link Interval#UNDEFINED} when n is 0
   */
  public Interval interval(double level) {
    return interval(level, NpsIntervalMethod.ADJUSTED_WALD);
  }

  /**
   * The interval of {@link #fraction()} by a method, at a level.
   *
   * @param level the confidence level, e.g. 0.95
   * @param method the method
   * @return the interval on -1..1; {@link Interval#UNDEFINED} when n is 0
   */
  public Interval interval(double level, NpsIntervalMethod method) {
    Objects.requireNonNull(method, "method is null");
    double z = Normal.critical(level);
    double n = effectiveSampleSize();
    if (!(n > 0)) {
      return Interval.UNDEFINED;
    }
    double p = promoterShare();
    double d = detractorShare();
    switch (method) {
      case WALD:
        return clamp(Interval.around(p - d, z * Math.sqrt(variance() / n)));
      case ADJUSTED_WALD: {
        double n2 = n + 3;
        double p2 = (p * n + 0.75) / n2;
        double d2 = (d * n + 0.75) / n2;
        double s2 = p2 + d2 - (p2 - d2) * (p2 - d2);
        return clamp(Interval.around(p2 - d2, z * Math.sqrt(s2 / n2)));
      }
      case SCORE:
        return scoreInterval(p * n, d * n, n, z);
      default:
        throw new AssertionError(method);
    }
  }

  private static Interval clamp(Interval i) {
    return new Interval(Math.max(-1, i.lower()), Math.min(1, i.upper()));
  }

  /** Rocks' score interval: the Δ where |T(Δ)| = z, by bisection on each side of the estimate. */
  static Interval scoreInterval(double promoters, double detractors, double n, double z) {
    double est = (promoters - detractors) / n;
    double lower = detractors >= n ? -1 : bisect(promoters, detractors, n, z, -1, est);
    double upper = promoters >= n ? 1 : bisect(promoters, detractors, n, -z, est, 1);
    return new Interval(Math.min(lower, est), Math.max(upper, est));
  }

  /** Finds Δ in [a, b] with T(Δ) = target, T decreasing in Δ. */
  private static double bisect(double pr, double de, double n, double target, double a,
      double b) {
    double lo = a;
    double hi = b;
    for (int i = 0; i < 200 && hi - lo > 1e-15; i++) {
      double mid = 0.5 * (lo + hi);
      if (statistic(pr, de, n, mid) > target) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }

  /** T(Δ) = (P - D - nΔ) / sqrt(n (2q + Δ(1 - Δ))), the constrained-variance score statistic. */
  static double statistic(double pr, double de, double n, double delta) {
    double a = 2 * n;
    double b = -de - pr + (2 * n - pr + de) * delta;
    double c = -de * delta * (1 - delta);
    double q = (Math.sqrt(Math.max(0, b * b - 4 * a * c)) - b) / (2 * a);
    double v = n * (2 * q + delta * (1 - delta));
    double num = pr - de - n * delta;
    if (!(v > 0)) {
      return num == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, num);
    }
    return num / Math.sqrt(v);
  }

  /**
   * Compares this NPS with a baseline (another period or segment): {@code Δ = this - baseline}
   * on -1..1, {@code SE = sqrt(s²_A/n_A + s²_B/n_B)}, {@code z = Δ/SE}, the two-sided p-value
   * and the interval {@code Δ ± z·SE} (of Δ itself, not of |Δ|).
   *
   * @param baseline the result to compare with
   * @param level the confidence level
   * <p>Results compare on their own scale (here -1..1), as {@code CsatResult.compare} does on
   * 0..1; an aggregator's {@code difference} gives the same in the scorecard's units (points).
   *
   * @return the difference; {@link Difference#scaled(double) scaled(100)} gives points
   */
  public Difference compare(NpsResult baseline, double level) {
    Objects.requireNonNull(baseline, "baseline is null");
    double se = Math.sqrt(variance() / effectiveSampleSize()
        + baseline.variance() / baseline.effectiveSampleSize());
    return ZTest.twoSided(fraction() - baseline.fraction(), se, level);
  }

  /**
   * A line a person reads: the NPS in points with its 95 % adjusted-Wald interval and n, e.g.
   * {@code NPS 53.4 [52.0, 54.8] n=13612}, flagged when the sample is small.
   *
   * @return the text
   */
  @Override
  public String toString() {
    if (n() == 0) {
      return "NPS undefined n=0";
    }
    Interval ci = interval(0.95).scaled(100);
    return String.format(java.util.Locale.ROOT, "NPS %.1f [%.1f, %.1f] n=%d%s", score(),
        ci.lower(), ci.upper(), n(), isSmallSample() ? " (small sample)" : "");
  }
}
