package io.github.cxkpi.nps;

import io.github.cxkpi.nps.internal.NpsCodec;
import io.github.cxkpi.codec.FrameReader;
import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.scale.RatingCollectors;
import io.github.cxkpi.scale.RatingRecorder;
import io.github.cxkpi.spi.KpiType;
import java.util.Objects;
import java.util.stream.Collector;

/**
 * The entry point for Net Promoter Score: definitions, aggregators, recorders, collectors,
 * decoding and comparisons.
 *
 * <pre>{@code
 * NpsResult r = responses.stream().collect(Nps.collector());
 * System.out.printf("NPS %.1f%n", r.score());
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Nps {
  /** The KPI's id in the registry. */
  public static final String ID = "nps";

  /**
   * The KPI's typed identity (id, frame kind, name, definition, factory, decoder), as the
   * registry and typed adapters see it.
   */
  public static final KpiType<NpsDefinition, NpsAggregator> TYPE = KpiType.of(ID,
      "Net Promoter Score", NpsCodec.FRAME_KIND, NpsDefinition.class, NpsDefinition.DEFAULT,
      NpsAggregator.class, NpsAggregator::new, Nps::fromBytes);


  private Nps() {}

  /**
   * The default definition: question "nps", 0-10, passives 7-8, promoters 9-10, blank answers
   * out of the denominator, off-scale answers refused, samples under 30 flagged.
   *
   * @return the definition, to adjust with its {@code with...} methods
   */
  public static NpsDefinition definition() {
    return NpsDefinition.DEFAULT;
  }

  /**
   * An empty aggregator of the default definition.
   *
   * @return the aggregator
   */
  public static NpsAggregator aggregator() {
    return new NpsAggregator(NpsDefinition.DEFAULT);
  }

  /**
   * An empty aggregator of a definition.
   *
   * @param definition the definition
   * @return the aggregator
   */
  public static NpsAggregator aggregator(NpsDefinition definition) {
    return new NpsAggregator(Objects.requireNonNull(definition, "definition is null"));
  }

  /**
   * A thread-safe recorder of the default definition, for many writer threads.
   *
   * @return the recorder
   */
  public static RatingRecorder<NpsAggregator> recorder() {
    return recorder(NpsDefinition.DEFAULT);
  }

  /**
   * A thread-safe recorder of a definition.
   *
   * @param definition the definition
   * @return the recorder
   */
  public static RatingRecorder<NpsAggregator> recorder(NpsDefinition definition) {
    Objects.requireNonNull(definition, "definition is null");
    return RatingRecorder.of(() -> new NpsAggregator(definition));
  }

  /**
   * Collects survey responses (to the question "nps"; others are skipped) into an NPS.
   *
   * @return the collector
   */
  public static Collector<SurveyResponse, ?, NpsResult> collector() {
    return collector(NpsDefinition.DEFAULT);
  }

  /**
   * Collects survey responses to a definition's question into its NPS.
   *
   * @param definition the definition
   * @return the collector
   */
  public static Collector<SurveyResponse, ?, NpsResult> collector(NpsDefinition definition) {
    Objects.requireNonNull(definition, "definition is null");
    return RatingCollectors.responses(() -> new NpsAggregator(definition));
  }

  /**
   * Collects raw scores (0-10) into an NPS.
   *
   * @return the collector
   */
  public static Collector<Integer, ?, NpsResult> scoreCollector() {
    return RatingCollectors.scores(Nps::aggregator);
  }

  /**
   * Decodes an aggregator written by {@link NpsAggregator#toBytes()}.
   *
   * @param bytes the bytes
   * @return the aggregator, with its definition
   * @throws io.github.cxkpi.codec.CodecException for any bad bytes
   */
  public static NpsAggregator fromBytes(byte[] bytes) {
    FrameReader r = FrameReader.open(bytes, NpsCodec.FRAME_KIND, NpsCodec.INSTANCE.what());
    return new NpsAggregator(NpsCodec.INSTANCE.read(r)).readFrom(r);
  }
}
