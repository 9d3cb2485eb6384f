package io.github.cxkpi.scale;

import io.github.cxkpi.event.SurveyResponse;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collector;

/**
 * {@link Collector}s over rating aggregators; parallel streams give the same result as
 * sequential ones, because aggregators merge exactly.
 *
 * @since 0.1.0
 */
public final class RatingCollectors {
  private RatingCollectors() {}

  /**
   * Collects scores into an aggregator's result.
   *
   * @param <A> the aggregator
   * @param <R> the result
   * @param emptyAggregator makes an empty aggregator
   * @return the collector
   */
  public static <A extends RatingAggregator<?, R, A>, R> Collector<Integer, A, R> scores(
      Supplier<A> emptyAggregator) {
    Objects.requireNonNull(emptyAggregator, "emptyAggregator is null");
    return Collector.of(emptyAggregator,
        (a, s) -> a.add(Objects.requireNonNull(s, "score is null")), RatingAggregator::merge,
        RatingAggregator::result, Collector.Characteristics.UNORDERED);
  }

  /**
   * Collects survey responses into an aggregator's result. Responses to other questions than
   * the definition's are skipped, so that one stream of mixed responses can feed many KPIs.
   *
   * @param <A> the aggregator
   * @param <R> the result
   * @param emptyAggregator makes an empty aggregator
   * @return the collector
   */
  public static <A extends RatingAggregator<?, R, A>, R> Collector<SurveyResponse, A, R> responses(
      Supplier<A> emptyAggregator) {
    Objects.requireNonNull(emptyAggregator, "emptyAggregator is null");
    return Collector.of(emptyAggregator, RatingAggregator::accept, RatingAggregator::merge,
        RatingAggregator::result, Collector.Characteristics.UNORDERED);
  }
}
