package io.github.cxkpi.time;

import io.github.cxkpi.event.Interaction;
import io.github.cxkpi.event.ServiceContact;
import io.github.cxkpi.stats.Proportions;
import io.github.cxkpi.testing.AggregatorContract;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

class AbandonmentContractTest
    extends AggregatorContract<AbandonmentAggregator, Interaction, AbandonmentResult> {
  private static final Duration SHORT = Duration.ofSeconds(5);

  @Override
  protected AbandonmentAggregator empty() {
    return ServiceTimes.abandonment(SHORT);
  }

  @Override
  protected Interaction randomItem(SplittableRandom rnd) {
    return Interactions.next(rnd);
  }

  @Override
  protected void add(AbandonmentAggregator aggregator, Interaction item) {
    aggregator.accept(item);
  }

  @Override
  protected void addAll(AbandonmentAggregator aggregator, List<Interaction> items) {
    items.forEach(aggregator::accept);
  }

  @Override
  protected AbandonmentAggregator merge(AbandonmentAggregator into,
      AbandonmentAggregator other) {
    return into.merge(other);
  }

  @Override
  protected byte[] toBytes(AbandonmentAggregator aggregator) {
    return aggregator.toBytes();
  }

  @Override
  protected AbandonmentAggregator fromBytes(byte[] bytes) {
    return ServiceTimes.abandonmentFromBytes(bytes);
  }

  @Override
  protected AbandonmentResult result(AbandonmentAggregator aggregator) {
    return aggregator.result();
  }

  @Override
  protected AbandonmentResult oracle(List<Interaction> items) {
    long offered = 0;
    long abandoned = 0;
    long shortOnes = 0;
    for (Interaction i : items) {
      if (i instanceof ServiceContact c && (c.waitTime() != null || c.abandoned())) {
        if (c.abandoned() && c.waitTime() != null && c.waitTime().toNanos() < 5_000_000_000L) {
          shortOnes++;
        } else {
          offered++;
          abandoned += c.abandoned() ? 1 : 0;
        }
      }
    }
    return new AbandonmentResult(offered, abandoned, shortOnes, SHORT,
        Proportions.wilson(abandoned, offered, 0.95), 0.95);
  }
}
