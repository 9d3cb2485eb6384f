package io.github.cxkpi.drivers;

import io.github.cxkpi.stats.Interval;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A key-driver analysis: per factor its performance (mean) and importance (correlation,
 * standardized beta, Johnson's relative weight and share of R^2, rank, quadrant), and R^2.
 * Immutable. When the importance cannot be estimated (no or too few respondents, a constant
 * outcome or factor, collinear factors) the {@link #status()} and {@link #reason()} say why, R^2
 * is 0 and the factors carry no importance: no figure is NaN then, except the means and the
 * outcome mean of an analysis with no respondent at all (whose factor list is empty).
 *
 * @param outcome the outcome question
 * @param status whether importance could be estimated
 * @param reason why not, naming the factors concerned; empty when {@link DriverStatus#OK}
 * @param respondents the complete respondents analysed, n (with
 *     {@link MissingAnswers#PAIRWISE}: the respondents who gave at least one usable answer)
 * @param effectiveSize Kish's effective sample size {@code (Σw)^2 / Σw^2} (n when unweighted;
 *     pairwise: of the respondents who answered the outcome)
 * @param outcomeMean the outcome's weighted mean (NaN without respondents)
 * @param rSquared the squared multiple correlation of the outcome with the factors; 0 unless
 *     {@link DriverStatus#OK}
 * @param factors one entry per factor in the definition's order; empty without respondents
 * @param incomplete respondents left out: a blank answer, an answer off its scale counted as
 *     rejected, or still partial at the end of the input (pairwise: no usable answer at all)
 * @param pending respondents still held, waiting for more answers
 * @param rejected answers off their scale, and duplicate answers, counted as rejected by policy
 * @param smallSample whether n is below the definition's small-sample threshold
 * @param level the confidence level of the intervals
 * @since 0.1.0
 */
public record DriverResult(RatedQuestion outcome, DriverStatus status, String reason,
    long respondents, double effectiveSize, double outcomeMean, double rSquared,
    List<FactorDriver> factors, long incomplete, long pending, long rejected,
    boolean smallSample, double level) {

  /**
   * The smallest eigenvalue of the factors' correlation matrix below which they count as
   * collinear: {@value}.
   */
  public static final double COLLINEARITY_TOLERANCE = 1e-10;

  /**
   * Checks the fields.
   *
   * @param outcome the outcome question
   * @param status whether importance could be estimated
   * @param reason why not; empty when {@link DriverStatus#OK}
   * @param respondents the complete respondents analysed, n
   * @param effectiveSize Kish's effective sample size
   * @param outcomeMean the outcome's weighted mean (NaN without respondents)
   * @param rSquared the squared multiple correlation; 0 unless {@link DriverStatus#OK}
   * @param factors one entry per factor; empty without respondents
   * @param incomplete respondents left out
   * @param pending respondents still held
   * @param rejected answers off their scale counted as rejected
   * @param smallSample whether n is below the small-sample threshold
   * @param level the confidence level of the intervals
   */
  public DriverResult {
    Objects.requireNonNull(outcome, "outcome is null");
    Objects.requireNonNull(status, "status is null");
    Objects.requireNonNull(reason, "reason is null");
    factors = List.copyOf(factors);
    if (respondents < 0 || incomplete < 0 || pending < 0 || rejected < 0) {
      throw new IllegalArgumentException("counts must be >= 0");
    }
  }

  /**
   * Whether the importance of the factors was estimated.
   *
   * @return {@code true} when the status is {@link DriverStatus#OK}
   */
  public boolean isEstimated() {
    return status == DriverStatus.OK;
  }

  /**
   * One factor by its question id.
   *
   * @param id the id
   * @return the factor
   * @throws IllegalArgumentException when it is not a factor of the analysis
   */
  public FactorDriver factor(String id) {
    for (FactorDriver f : factors) {
      if (f.id().equals(id)) {
        return f;
      }
    }
    throw new IllegalArgumentException("'" + id + "' is not a factor of this analysis");
  }

  /**
   * A table, e.g.
   * <pre>
   * Drivers of nps: R² 0.704 n=13521 (OK; incomplete 433, pending 0, rejected 0)
   *   factor        mean   [95 % CI]        r      [95 % CI]        beta    weight  share  rank  quadrant
   *   intention     9.005  [8.989, 9.020]   0.812  [0.806, 0.817]   0.629   0.4432  62.9 %    1  keep up the good work
   * </pre>
   *
   * @return the text
   */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
        "Drivers of %s: R² %.3f n=%d (%s%s; incomplete %d, pending %d, rejected %d)%s",
        outcome.id(), rSquared, respondents, status, reason.isEmpty() ? "" : ": " + reason,
        incomplete, pending, rejected, smallSample ? " small sample" : ""));
    if (factors.isEmpty()) {
      return s.toString();
    }
    int width = 6;
    for (FactorDriver f : factors) {
      width = Math.max(width, f.id().length());
    }
    String pct = String.format(Locale.ROOT, "%.0f %%", 100 * level);
    s.append(String.format(Locale.ROOT, "%n  %-" + width + "s  %-7s %-18s %-7s %-18s %-7s %-7s %-7s %4s  %s",
        "factor", "mean", "[" + pct + " CI]", "r", "[" + pct + " CI]", "beta", "weight", "share",
        "rank", "quadrant"));
    for (FactorDriver f : factors) {
      s.append(String.format(Locale.ROOT, "%n  %-" + width + "s  %-7.3f %-18s", f.id(), f.mean(),
          interval(f.meanInterval())));
      f.importance().ifPresent(i -> s.append(String.format(Locale.ROOT,
          " %-7.3f %-18s %-7.3f %-7.4f %-7s %4d  %s", i.correlation(),
          interval(i.correlationInterval()), i.beta(), i.relativeWeight(),
          String.format(Locale.ROOT, "%.1f %%", 100 * i.share()), i.rank(),
          i.quadrant().label())));
    }
    return s.toString();
  }

  private static String interval(Interval i) {
    return i.isDefined() ? String.format(Locale.ROOT, "[%.3f, %.3f]", i.lower(), i.upper())
        : "[undefined]";
  }
}
