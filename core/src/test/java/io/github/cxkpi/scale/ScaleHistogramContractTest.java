package io.github.cxkpi.scale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cxkpi.testing.AggregatorContract;
import java.util.List;
import java.util.SplittableRandom;

/** The aggregator contract for the bare histogram, weighted and unweighted answers mixed. */
class ScaleHistogramContractTest
    extends AggregatorContract<ScaleHistogram, ScaleHistogramContractTest.Obs,
        ScaleHistogramContractTest.Tally> {

  /** One observation: a score and its weight (1 for an unweighted one). */
  record Obs(int score, double weight) {}

  /** What the oracle and the histogram are compared on. */
  record Tally(long[] counts, double[] weights, double[] squares) {}

  /** The histogram has no result record: its copy is what another thread would read. */
  @Override
  protected Object publishedResult(ScaleHistogram h) {
    return h.copy();
  }

  private static final int MIN = -2;
  private static final int MAX = 8;

  @Override
  protected ScaleHistogram empty() {
    return ScaleHistogram.of(MIN, MAX);
  }

  @Override
  protected Obs randomItem(SplittableRandom rnd) {
    int score = MIN + rnd.nextInt(MAX - MIN + 1);
    return switch (rnd.nextInt(4)) {
      case 0 -> new Obs(score, 0.1 + rnd.nextDouble() * 3);
      case 1 -> new Obs(score, 1.0);
      default -> new Obs(score, Double.NaN); // NaN here means "through add(int)"
    };
  }

  @Override
  protected void add(ScaleHistogram h, Obs o) {
    if (Double.isNaN(o.weight())) {
      h.add(o.score());
    } else {
      h.add(o.score(), o.weight());
    }
  }

  @Override
  protected void addAll(ScaleHistogram h, List<Obs> items) {
    int[] plain = items.stream().filter(o -> Double.isNaN(o.weight())).mapToInt(Obs::score)
        .toArray();
    if (plain.length % 2 == 0) {
      h.addAll(plain);
    } else {
      h.addAll(java.util.Arrays.stream(plain));
    }
    items.stream().filter(o -> !Double.isNaN(o.weight())).forEach(o -> h.add(o.score(), o.weight()));
  }

  @Override
  protected ScaleHistogram merge(ScaleHistogram into, ScaleHistogram other) {
    return into.merge(other);
  }

  @Override
  protected byte[] toBytes(ScaleHistogram h) {
    return h.toBytes();
  }

  @Override
  protected ScaleHistogram fromBytes(byte[] bytes) {
    return ScaleHistogram.fromBytes(bytes);
  }

  @Override
  protected Tally result(ScaleHistogram h) {
    // The histogram's own scale: a decoded (possibly fuzzed) one may have another.
    int size = h.max() - h.min() + 1;
    double[] w = new double[size];
    double[] q = new double[size];
    for (int i = 0; i < size; i++) {
      w[i] = h.weight(h.min() + i);
      q[i] = h.weightSquares(h.min() + i);
    }
    return new Tally(h.counts(), w, q);
  }

  @Override
  protected Tally oracle(List<Obs> items) {
    int size = MAX - MIN + 1;
    long[] c = new long[size];
    java.math.BigDecimal[] w = new java.math.BigDecimal[size];
    java.math.BigDecimal[] q = new java.math.BigDecimal[size];
    java.util.Arrays.fill(w, java.math.BigDecimal.ZERO);
    java.util.Arrays.fill(q, java.math.BigDecimal.ZERO);
    for (Obs o : items) {
      int i = o.score() - MIN;
      double weight = Double.isNaN(o.weight()) ? 1 : o.weight();
      c[i]++;
      w[i] = w[i].add(new java.math.BigDecimal(weight));
      q[i] = q[i].add(new java.math.BigDecimal(weight * weight));
    }
    double[] wd = new double[size];
    double[] qd = new double[size];
    for (int i = 0; i < size; i++) {
      wd[i] = w[i].doubleValue();
      qd[i] = q[i].doubleValue();
    }
    return new Tally(c, wd, qd);
  }

  @Override
  protected void assertSameResult(Tally expected, Tally actual, String context) {
    assertArrayEquals(expected.counts(), actual.counts(), context + ": counts");
    for (int i = 0; i < expected.weights().length; i++) {
      assertEquals(expected.weights()[i], actual.weights()[i],
          1e-13 * Math.max(1, expected.weights()[i]), context + ": weight of point " + i);
      assertEquals(expected.squares()[i], actual.squares()[i],
          1e-13 * Math.max(1, expected.squares()[i]), context + ": squares of point " + i);
    }
  }
}
