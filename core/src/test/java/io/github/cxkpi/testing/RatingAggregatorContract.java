package io.github.cxkpi.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cxkpi.scale.OutOfRangePolicy;
import io.github.cxkpi.scale.RatingAggregator;
import io.github.cxkpi.scale.RatingDefinition;
import io.github.cxkpi.scale.RatingStats;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The aggregator contract for any rating KPI, with an oracle that tallies answers, blanks and
 * rejects by hand in exact arithmetic and computes the mean and variance from the raw answers
 * (not from the counts).
 *
 * @param <A> the aggregator
 */
public abstract class RatingAggregatorContract<A extends RatingAggregator<?, ?, A>>
    extends AggregatorContract<A, RatingAggregatorContract.Item, RatingStats> {

  /** One input: a score (null for a blank) and a weight (NaN for an unweighted answer). */
  public record Item(Integer score, double weight) {}

  /** Decodes an aggregator of this KPI. */
  @Override
  protected abstract A fromBytes(byte[] bytes);

  private RatingDefinition definition() {
    return empty().definition();
  }

  @Override
  protected Item randomItem(SplittableRandom rnd) {
    return randomItem(rnd, definition());
  }

  /**
   * A random input for a definition: mostly answers on the scale, some blanks, some weighted,
   * and off-scale answers when the definition counts them as rejected.
   *
   * @param rnd the random source
   * @param d the definition
   * @return the item
   */
  public static Item randomItem(SplittableRandom rnd, RatingDefinition d) {
    Integer score;
    int kind = rnd.nextInt(20);
    if (kind == 0) {
      score = null;
    } else if (kind == 1 && d.outOfRangePolicy() == OutOfRangePolicy.COUNT_AS_REJECTED) {
      score = rnd.nextBoolean() ? d.scaleMax() + 1 + rnd.nextInt(5) : d.scaleMin() - 1 - rnd.nextInt(5);
    } else {
      score = d.scaleMin() + rnd.nextInt(d.scaleMax() - d.scaleMin() + 1);
    }
    double weight = rnd.nextInt(3) == 0 ? 0.25 + rnd.nextDouble() * 2 : Double.NaN;
    return new Item(score, weight);
  }

  /** The KPI's own result record (an NpsResult, a CsatResult ...). */
  @Override
  protected Object publishedResult(A aggregator) {
    return aggregator.result();
  }

  @Override
  protected void add(A a, Item item) {
    addItem(a, item);
  }

  /**
   * Records one item through the matching entry point (add, weighted add, blank).
   *
   * @param a the aggregator
   * @param item the item
   */
  public static void addItem(RatingAggregator<?, ?, ?> a, Item item) {
    boolean weighted = !Double.isNaN(item.weight());
    if (item.score() == null) {
      if (weighted) {
        a.addBlank(item.weight());
      } else {
        a.addBlank();
      }
    } else if (weighted) {
      a.add(item.score(), item.weight());
    } else {
      a.add(item.score());
    }
  }

  @Override
  protected void addAll(A a, List<Item> items) {
    addItems(a, items);
  }

  /**
   * Records items through the bulk path where it applies (unweighted answers), the rest one
   * by one.
   *
   * @param a the aggregator
   * @param items the items
   */
  public static void addItems(RatingAggregator<?, ?, ?> a, List<Item> items) {
    a.addAll(items.stream().filter(i -> i.score() != null && Double.isNaN(i.weight()))
        .mapToInt(Item::score).toArray());
    items.stream().filter(i -> i.score() == null || !Double.isNaN(i.weight()))
        .forEach(i -> addItem(a, i));
  }

  @Override
  protected A merge(A into, A other) {
    return into.merge(other);
  }

  @Override
  protected byte[] toBytes(A a) {
    return a.toBytes();
  }

  @Override
  protected RatingStats result(A a) {
    return a.statistics();
  }

  @Override
  protected RatingStats oracle(List<Item> items) {
    return statsOracle(definition(), items);
  }

  /**
   * The statistics of items under a definition, tallied by hand in exact arithmetic.
   *
   * @param d the definition
   * @param items the items
   * @return the statistics
   */
  public static RatingStats statsOracle(RatingDefinition d, List<Item> items) {
    int size = d.scaleMax() - d.scaleMin() + 1;
    long[] c = new long[size];
    BigDecimal[] w = new BigDecimal[size];
    java.util.Arrays.fill(w, BigDecimal.ZERO);
    BigDecimal squares = BigDecimal.ZERO;
    long blanks = 0;
    long rejected = 0;
    boolean weighted = false;
    for (Item i : items) {
      double weight = Double.isNaN(i.weight()) ? 1 : i.weight();
      if (i.score() == null) {
        blanks++;
        weighted |= weight != 1;
      } else if (i.score() < d.scaleMin() || i.score() > d.scaleMax()) {
        rejected++;
      } else {
        weighted |= weight != 1;
        int k = i.score() - d.scaleMin();
        c[k]++;
        w[k] = w[k].add(new BigDecimal(weight));
        squares = squares.add(new BigDecimal(weight * weight));
      }
    }
    List<Long> counts = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    long n = 0;
    for (int k = 0; k < size; k++) {
      counts.add(c[k]);
      weights.add(w[k].doubleValue());
      n += c[k];
    }
    return new RatingStats(d.scaleMin(), d.scaleMax(), n, blanks, rejected, counts, weights,
        squares.doubleValue(), weighted);
  }

  /** Mean and variance of the accepted answers, straight from the items, in exact arithmetic. */
  private static double[] rawMeanAndVariance(RatingStats s) {
    // Expand the distribution into raw answers: only for unweighted statistics.
    BigDecimal sum = BigDecimal.ZERO;
    long n = s.respondents();
    for (int k = 0; k < s.counts().size(); k++) {
      sum = sum.add(BigDecimal.valueOf(s.scaleMin() + k).multiply(BigDecimal.valueOf(s.counts().get(k))));
    }
    if (n == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    BigDecimal mean = sum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128);
    BigDecimal ss = BigDecimal.ZERO;
    for (int k = 0; k < s.counts().size(); k++) {
      BigDecimal d = BigDecimal.valueOf(s.scaleMin() + k).subtract(mean);
      ss = ss.add(d.multiply(d).multiply(BigDecimal.valueOf(s.counts().get(k))));
    }
    double var = n < 2 ? Double.NaN
        : ss.divide(BigDecimal.valueOf(n - 1), MathContext.DECIMAL128).doubleValue();
    return new double[] {mean.doubleValue(), var};
  }

  @Override
  protected void assertSameResult(RatingStats e, RatingStats a, String context) {
    assertSameStats(e, a, context);
  }

  /**
   * Checks statistics against the oracle's: counts exactly, sums to 1e-12 relative, the mean and
   * variance also against the raw answers in exact arithmetic.
   *
   * @param e the oracle's
   * @param a the aggregator's
   * @param context what is compared, for messages
   */
  public static void assertSameStats(RatingStats e, RatingStats a, String context) {
    assertEquals(e.scaleMin(), a.scaleMin(), context);
    assertEquals(e.scaleMax(), a.scaleMax(), context);
    assertEquals(e.respondents(), a.respondents(), context + ": respondents");
    assertEquals(e.blanks(), a.blanks(), context + ": blanks");
    assertEquals(e.rejected(), a.rejected(), context + ": rejected");
    assertEquals(e.counts(), a.counts(), context + ": counts");
    assertEquals(e.weighted(), a.weighted(), context + ": weighted");
    for (int k = 0; k < e.weights().size(); k++) {
      close(e.weights().get(k), a.weights().get(k), context + ": weight of point " + k);
    }
    close(e.sumOfSquaredWeights(), a.sumOfSquaredWeights(), context + ": squares");
    if (e.respondents() > 0) {
      close(e.mean(), a.mean(), context + ": mean");
      close(e.effectiveSampleSize(), a.effectiveSampleSize(), context + ": n_eff");
      if (!e.weighted()) {
        double[] raw = rawMeanAndVariance(e);
        close(raw[0], a.mean(), context + ": mean vs exact");
        if (e.respondents() > 1) {
          close(raw[1], a.variance(), context + ": variance vs exact");
        }
      } else if (e.effectiveSampleSize() > 1) {
        close(e.variance(), a.variance(), context + ": weighted variance");
      }
    }
  }

  private static void close(double expected, double actual, String what) {
    assertEquals(expected, actual, 1e-12 * Math.max(1, Math.abs(expected)), what);
  }
}
