package io.github.cxkpi.nps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cxkpi.scale.BlankPolicy;
import io.github.cxkpi.testing.AggregatorContract;
import io.github.cxkpi.testing.RatingAggregatorContract;
import io.github.cxkpi.testing.RatingAggregatorContract.Item;
import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The aggregator contract for NPS under the default definition: answers, weighted answers and
 * blanks mixed, against an oracle that classifies every answer by hand with exact sums.
 */
class NpsContractTest extends AggregatorContract<NpsAggregator, Item, NpsResult> {

  NpsDefinition definition() {
    return Nps.definition();
  }

  @Override
  protected NpsAggregator empty() {
    return Nps.aggregator(definition());
  }

  @Override
  protected Item randomItem(SplittableRandom rnd) {
    return RatingAggregatorContract.randomItem(rnd, definition());
  }

  @Override
  protected void add(NpsAggregator a, Item item) {
    RatingAggregatorContract.addItem(a, item);
  }

  @Override
  protected void addAll(NpsAggregator a, List<Item> items) {
    RatingAggregatorContract.addItems(a, items);
  }

  @Override
  protected NpsAggregator merge(NpsAggregator into, NpsAggregator other) {
    return into.merge(other);
  }

  @Override
  protected byte[] toBytes(NpsAggregator a) {
    return a.toBytes();
  }

  @Override
  protected NpsAggregator fromBytes(byte[] bytes) {
    return Nps.fromBytes(bytes);
  }

  @Override
  protected NpsResult result(NpsAggregator a) {
    return a.result();
  }

  @Override
  protected NpsResult oracle(List<Item> items) {
    NpsDefinition d = definition();
    long[] n = new long[3];
    BigDecimal[] w = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
    BigDecimal blankW = BigDecimal.ZERO;
    BigDecimal squares = BigDecimal.ZERO;
    long blanks = 0;
    long rejected = 0;
    boolean weighted = false;
    for (Item i : items) {
      double weight = Double.isNaN(i.weight()) ? 1 : i.weight();
      BigDecimal bw = new BigDecimal(weight);
      BigDecimal bq = new BigDecimal(weight * weight);
      if (i.score() == null) {
        weighted |= weight != 1;
        blanks++;
        blankW = blankW.add(bw);
        if (d.blankPolicy() == BlankPolicy.COUNT_IN_DENOMINATOR) {
          squares = squares.add(bq);
        }
        continue;
      }
      int s = i.score();
      if (s < d.scaleMin() || s > d.scaleMax()) {
        rejected++;
        continue;
      }
      weighted |= weight != 1;
      int k = s >= d.promoterMin() ? 2 : s >= d.passiveMin() ? 1 : 0;
      n[k]++;
      w[k] = w[k].add(bw);
      squares = squares.add(bq);
    }
    return new NpsResult(d, n[0] + n[1] + n[2], blanks, rejected, n[2], n[1], n[0],
        w[2].doubleValue(), w[1].doubleValue(), w[0].doubleValue(), blankW.doubleValue(),
        squares.doubleValue(), weighted, RatingAggregatorContract.statsOracle(d, items));
  }

  @Override
  protected void assertSameResult(NpsResult e, NpsResult a, String context) {
    assertEquals(e.definition(), a.definition(), context);
    assertEquals(e.respondents(), a.respondents(), context + ": respondents");
    assertEquals(e.blanks(), a.blanks(), context + ": blanks");
    assertEquals(e.rejected(), a.rejected(), context + ": rejected");
    assertEquals(e.promoters(), a.promoters(), context + ": promoters");
    assertEquals(e.passives(), a.passives(), context + ": passives");
    assertEquals(e.detractors(), a.detractors(), context + ": detractors");
    assertEquals(e.weighted(), a.weighted(), context + ": weighted");
    close(e.promoterWeight(), a.promoterWeight(), context + ": promoter weight");
    close(e.passiveWeight(), a.passiveWeight(), context + ": passive weight");
    close(e.detractorWeight(), a.detractorWeight(), context + ": detractor weight");
    close(e.blankWeight(), a.blankWeight(), context + ": blank weight");
    close(e.sumOfSquaredWeights(), a.sumOfSquaredWeights(), context + ": squares");
    RatingAggregatorContract.assertSameStats(e.stats(), a.stats(), context + ": stats");
    if (e.n() > 0) {
      close(e.score(), a.score(), context + ": score");
      close(e.standardError(), a.standardError(), context + ": SE");
    }
  }

  private static void close(double expected, double actual, String what) {
    assertEquals(expected, actual, 1e-12 * Math.max(1, Math.abs(expected)), what);
  }
}
