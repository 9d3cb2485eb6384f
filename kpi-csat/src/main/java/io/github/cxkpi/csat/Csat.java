package io.github.cxkpi.csat;

import io.github.cxkpi.csat.internal.CsatCodec;
import io.github.cxkpi.codec.FrameReader;
import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.scale.OutOfRangePolicy;
import io.github.cxkpi.scale.RatingCollectors;
import io.github.cxkpi.scale.RatingRecorder;
import io.github.cxkpi.scale.RatingsByQuestion;
import io.github.cxkpi.spi.KpiType;
import java.util.Objects;
import java.util.stream.Collector;

/**
 * The entry point for Customer Satisfaction: definitions, aggregators, recorders, collectors,
 * per-question aggregation and decoding. The same vocabulary as {@code Nps}.
 *
 * <pre>{@code
 * CsatResult r = responses.stream().collect(Csat.collector(Csat.onScale(1, 5)));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Csat {
  /** The KPI's id in the registry. */
  public static final String ID = "csat";


  private static final CsatDefinition DEFAULT = onScale(1, 5);

  /**
   * The KPI's typed identity (id, frame kind, name, definition, factory, decoder), as the
   * registry and typed adapters see it.
   */
  public static final KpiType<CsatDefinition, CsatAggregator> TYPE = KpiType.of(ID,
      "Customer Satisfaction", CsatCodec.FRAME_KIND, CsatDefinition.class, DEFAULT,
      CsatAggregator.class, CsatAggregator::new, Csat::fromBytes);

  private Csat() {}

  /**
   * A definition on a scale, question "csat", with the top two answers satisfied (4-5 on 1-5,
   * 6-7 on 1-7, 9-10 on 1-10 and 0-10), off-scale answers refused, {@code n < 30} flagged.
   *
   * @param min the lowest answer
   * @param max the highest answer
   * @return the definition
   */
  public static CsatDefinition onScale(int min, int max) {
    int satisfied = max - min >= 2 ? max - 1 : max;
    return new CsatDefinition("csat", min, max, satisfied, OutOfRangePolicy.REJECT, 30);
  }

  /**
   * The binary definition (Zendesk's good / bad): 0 = bad, 1 = good, CSAT = good / rated.
   *
   * @return the definition
   */
  public static CsatDefinition binary() {
    return new CsatDefinition("csat", 0, 1, 1, OutOfRangePolicy.REJECT, 30);
  }

  /**
   * The default definition: 1-5, satisfied 4-5.
   *
   * @return the definition
   */
  public static CsatDefinition definition() {
    return DEFAULT;
  }

  /**
   * An empty aggregator of the default definition (1-5, satisfied 4-5).
   *
   * @return the aggregator
   */
  public static CsatAggregator aggregator() {
    return new CsatAggregator(DEFAULT);
  }

  /**
   * An empty aggregator of a definition.
   *
   * @param definition the definition
   * @return the aggregator
   */
  public static CsatAggregator aggregator(CsatDefinition definition) {
    return new CsatAggregator(Objects.requireNonNull(definition, "definition is null"));
  }

  /**
   * A thread-safe recorder of the default definition (1-5, satisfied 4-5), for many writer threads.
   *
   * @return the recorder
   */
  public static RatingRecorder<CsatAggregator> recorder() {
    return recorder(DEFAULT);
  }

  /**
   * Collects survey responses to the default definition's question into its CSAT.
   *
   * @return the collector
   */
  public static Collector<SurveyResponse, ?, CsatResult> collector() {
    return collector(DEFAULT);
  }

  /**
   * A thread-safe recorder of a definition, for many writer threads.
   *
   * @param definition the definition
   * @return the recorder
   */
  public static RatingRecorder<CsatAggregator> recorder(CsatDefinition definition) {
    Objects.requireNonNull(definition, "definition is null");
    return RatingRecorder.of(() -> new CsatAggregator(definition));
  }

  /**
   * Collects survey responses to a definition's question into its CSAT.
   *
   * @param definition the definition
   * @return the collector
   */
  public static Collector<SurveyResponse, ?, CsatResult> collector(CsatDefinition definition) {
    Objects.requireNonNull(definition, "definition is null");
    return RatingCollectors.responses(() -> new CsatAggregator(definition));
  }

  /**
   * Collects raw scores into a definition's CSAT.
   *
   * @param definition the definition
   * @return the collector
   */
  public static Collector<Integer, ?, CsatResult> scoreCollector(CsatDefinition definition) {
    Objects.requireNonNull(definition, "definition is null");
    return RatingCollectors.scores(() -> new CsatAggregator(definition));
  }

  /**
   * One CSAT per question: every response whose question starts with {@code prefix} (e.g.
   * "csat." for "csat.checkout", "csat.delivery") goes to the aggregator of its question,
   * made from {@code template} with that question.
   *
   * @param template the definition of every question but its id
   * @param prefix the question ids' common prefix
   * @return the per-question aggregator
   */
  public static RatingsByQuestion<CsatAggregator> byQuestion(CsatDefinition template,
      String prefix) {
    Objects.requireNonNull(template, "template is null");
    return RatingsByQuestion.of(prefix, q -> new CsatAggregator(template.withQuestion(q)));
  }

  /**
   * Decodes an aggregator written by {@link CsatAggregator#toBytes()}.
   *
   * @param bytes the bytes
   * @return the aggregator, with its definition
   * @throws io.github.cxkpi.codec.CodecException for any bad bytes
   */
  public static CsatAggregator fromBytes(byte[] bytes) {
    FrameReader r = FrameReader.open(bytes, CsatCodec.FRAME_KIND, CsatCodec.INSTANCE.what());
    return new CsatAggregator(CsatCodec.INSTANCE.read(r)).readFrom(r);
  }
}
