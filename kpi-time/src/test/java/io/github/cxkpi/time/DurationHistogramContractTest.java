package io.github.cxkpi.time;

import io.github.cxkpi.testing.AggregatorContract;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/** The core contract for the histogram, with its exact figures as the result. */
class DurationHistogramContractTest
    extends AggregatorContract<DurationHistogram, Long, DurationHistogramContractTest.Exact> {
  private static final List<Duration> TARGETS = List.of(Duration.ofSeconds(20),
      Duration.ofHours(1));

  /** What the histogram knows exactly. */
  record Exact(long count, long min, long max, BigInteger sum, BigInteger squares,
      List<Long> within) {}

  @Override
  protected DurationHistogram empty() {
    return DurationHistogram.create(0.01, TARGETS);
  }

  @Override
  protected Long randomItem(SplittableRandom rnd) {
    return Durations.next(rnd, Durations.KINDS[rnd.nextInt(Durations.KINDS.length)]);
  }

  @Override
  protected void add(DurationHistogram aggregator, Long item) {
    aggregator.recordNanos(item);
  }

  @Override
  protected void addAll(DurationHistogram aggregator, List<Long> items) {
    aggregator.merge(items.stream().map(Duration::ofNanos).collect(
        DurationHistogram.collector(0.01, TARGETS)));
  }

  @Override
  protected DurationHistogram merge(DurationHistogram into, DurationHistogram other) {
    return into.merge(other);
  }

  @Override
  protected byte[] toBytes(DurationHistogram aggregator) {
    return aggregator.toBytes();
  }

  @Override
  protected DurationHistogram fromBytes(byte[] bytes) {
    return DurationHistogram.fromBytes(bytes);
  }

  @Override
  protected Exact result(DurationHistogram h) {
    return new Exact(h.count(), h.isEmpty() ? -1 : h.minNanos(), h.isEmpty() ? -1 : h.maxNanos(),
        h.sumNanos(), h.sumOfSquaresNanos(),
        h.targets().stream().map(h::countWithin).toList());
  }

  @Override
  protected Object publishedResult(DurationHistogram h) {
    return h.summary(List.of(0.5, 0.9, 0.99), 0.95);
  }

  @Override
  protected Exact oracle(List<Long> items) {
    BigInteger sum = BigInteger.ZERO;
    BigInteger sq = BigInteger.ZERO;
    for (long v : items) {
      sum = sum.add(BigInteger.valueOf(v));
      sq = sq.add(BigInteger.valueOf(v).pow(2));
    }
    return new Exact(items.size(), items.stream().mapToLong(x -> x).min().orElse(-1),
        items.stream().mapToLong(x -> x).max().orElse(-1), sum, sq,
        TARGETS.stream().map(t -> items.stream().filter(v -> v <= t.toNanos()).count()).toList());
  }
}
