package io.github.cxkpi.scale;

import io.github.cxkpi.event.SurveyResponse;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One rating KPI per question: a company asks CSAT at checkout, at delivery and at support,
 * and each question is its own KPI. Responses whose question id starts with a prefix go to the
 * aggregator of their question, created on first sight.
 *
 * <p><b>Not thread-safe</b>, like the aggregators it holds. Mergeable: merging adds each
 * question's aggregator into the same question's here.
 *
 * @param <A> the aggregator of each question
 * @since 0.1.0
 */
public final class RatingsByQuestion<A extends RatingAggregator<?, ?, A>> {
  private final String prefix;
  private final Function<String, A> factory;
  private final Map<String, A> byQuestion = new TreeMap<>();

  private RatingsByQuestion(String prefix, Function<String, A> factory) {
    this.prefix = prefix;
    this.factory = factory;
  }

  /**
   * Creates an empty per-question aggregator.
   *
   * @param <A> the aggregator
   * @param prefix the common prefix of the question ids it takes (may be empty: all)
   * @param factory makes the empty aggregator of a question id
   * @return the per-question aggregator
   */
  public static <A extends RatingAggregator<?, ?, A>> RatingsByQuestion<A> of(String prefix,
      Function<String, A> factory) {
    return new RatingsByQuestion<>(Objects.requireNonNull(prefix, "prefix is null"),
        Objects.requireNonNull(factory, "factory is null"));
  }

  private A aggregatorFor(String question) {
    return byQuestion.computeIfAbsent(question, this::newFor);
  }

  private A newFor(String question) {
    A a = factory.apply(question);
    if (!a.definition().question().equals(question)) {
      throw new IllegalStateException("the factory made an aggregator for question '"
          + a.definition().question() + "' when asked for '" + question + "'");
    }
    return a;
  }

  /**
   * Records a response if its question starts with the prefix.
   *
   * @param response the response
   * @return whether it was taken
   */
  public boolean accept(SurveyResponse response) {
    Objects.requireNonNull(response, "response is null");
    if (!response.question().startsWith(prefix)) {
      return false;
    }
    return aggregatorFor(response.question()).accept(response);
  }

  /**
   * Merges another per-question aggregator into this one, question by question.
   * Failure-atomic: every question is merged on a copy first, so when any of them throws (two
   * definitions differ, a count would overflow) this one is unchanged.
   *
   * @param other the other; it is not changed
   * @return this
   * @throws IllegalArgumentException when a question's definitions differ
   * @throws ArithmeticException when a count would overflow
   */
  public RatingsByQuestion<A> merge(RatingsByQuestion<A> other) {
    Objects.requireNonNull(other, "other is null");
    Map<String, A> merged = new TreeMap<>();
    for (Map.Entry<String, A> e : other.byQuestion.entrySet()) {
      A mine = byQuestion.get(e.getKey());
      A sum = mine == null ? newFor(e.getKey()) : mine.copy();
      merged.put(e.getKey(), sum.merge(e.getValue()));
    }
    // Nothing above changed this one; now install the merged questions (live views handed out
    // by get() keep their identity: the merged state is copied into them).
    merged.forEach((question, sum) -> {
      A mine = byQuestion.get(question);
      if (mine == null) {
        byQuestion.put(question, sum);
      } else {
        mine.reset().merge(sum);
      }
    });
    return this;
  }

  /**
   * The aggregator of one question, if it has seen responses.
   *
   * @param question the question id
   * @return the aggregator (live: recording into it records here)
   */
  public Optional<A> get(String question) {
    return Optional.ofNullable(byQuestion.get(question));
  }

  /**
   * The aggregators by question id, in id order.
   *
   * @return an unmodifiable view
   */
  public Map<String, A> aggregators() {
    return Collections.unmodifiableMap(byQuestion);
  }
}
