package io.github.cxkpi.ces;

import io.github.cxkpi.ces.internal.CesCodec;
import io.github.cxkpi.codec.FrameReader;
import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.scale.Direction;
import io.github.cxkpi.scale.OutOfRangePolicy;
import io.github.cxkpi.scale.RatingCollectors;
import io.github.cxkpi.scale.RatingRecorder;
import io.github.cxkpi.spi.KpiType;
import java.util.Objects;
import java.util.stream.Collector;

/**
 * The entry point for Customer Effort Score: definitions, aggregators, recorders, collectors
 * and decoding. The same vocabulary as {@code Nps}.
 *
 * <pre>{@code
 * CesResult r = responses.stream().collect(Ces.collector(Ces.v2()));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Ces {
  /** The KPI's id in the registry. */
  public static final String ID = "ces";


  private static final CesDefinition V2 = new CesDefinition("ces", 1, 7,
      Direction.HIGHER_IS_BETTER, 5, 7, 1, 3, OutOfRangePolicy.REJECT, 30);
  private static final CesDefinition V1 = new CesDefinition("ces", 1, 5,
      Direction.LOWER_IS_BETTER, 1, 2, 4, 5, OutOfRangePolicy.REJECT, 30);

  /**
   * The KPI's typed identity (id, frame kind, name, definition, factory, decoder), as the
   * registry and typed adapters see it.
   */
  public static final KpiType<CesDefinition, CesAggregator> TYPE = KpiType.of(ID,
      "Customer Effort Score", CesCodec.FRAME_KIND, CesDefinition.class, V2,
      CesAggregator.class, CesAggregator::new, Ces::fromBytes);

  private Ces() {}

  /**
   * CES 2.0, the default: 1-7 agreement with "the company made it easy for me to handle my
   * issue", higher is better, easy 5-7, difficult 1-3.
   *
   * @return the definition
   */
  public static CesDefinition v2() {
    return V2;
  }

  /**
   * CES 1.0: 1-5, "how much effort did you personally have to put forth?", lower is better,
   * low effort (easy) 1-2, high effort 4-5.
   *
   * @return the definition
   */
  public static CesDefinition v1() {
    return V1;
  }

  /**
   * An empty aggregator of CES 2.0.
   *
   * @return the aggregator
   */
  public static CesAggregator aggregator() {
    return new CesAggregator(V2);
  }

  /**
   * An empty aggregator of a definition.
   *
   * @param definition the definition
   * @return the aggregator
   */
  public static CesAggregator aggregator(CesDefinition definition) {
    return new CesAggregator(Objects.requireNonNull(definition, "definition is null"));
  }

  /**
   * A thread-safe recorder of the default definition (CES 2.0), for many writer threads.
   *
   * @return the recorder
   */
  public static RatingRecorder<CesAggregator> recorder() {
    return recorder(V2);
  }

  /**
   * Collects survey responses to the default definition's question into its CES.
   *
   * @return the collector
   */
  public static Collector<SurveyResponse, ?, CesResult> collector() {
    return collector(V2);
  }

  /**
   * A thread-safe recorder of a definition, for many writer threads.
   *
   * @param definition the definition
   * @return the recorder
   */
  public static RatingRecorder<CesAggregator> recorder(CesDefinition definition) {
    Objects.requireNonNull(definition, "definition is null");
    return RatingRecorder.of(() -> new CesAggregator(definition));
  }

  /**
   * Collects survey responses to a definition's question into its CES.
   *
   * @param definition the definition
   * @return the collector
   */
  public static Collector<SurveyResponse, ?, CesResult> collector(CesDefinition definition) {
    Objects.requireNonNull(definition, "definition is null");
    return RatingCollectors.responses(() -> new CesAggregator(definition));
  }

  /**
   * Collects raw scores into a definition's CES.
   *
   * @param definition the definition
   * @return the collector
   */
  public static Collector<Integer, ?, CesResult> scoreCollector(CesDefinition definition) {
    Objects.requireNonNull(definition, "definition is null");
    return RatingCollectors.scores(() -> new CesAggregator(definition));
  }

  /**
   * Decodes an aggregator written by {@link CesAggregator#toBytes()}.
   *
   * @param bytes the bytes
   * @return the aggregator, with its definition
   * @throws io.github.cxkpi.codec.CodecException for any bad bytes
   */
  public static CesAggregator fromBytes(byte[] bytes) {
    FrameReader r = FrameReader.open(bytes, CesCodec.FRAME_KIND, CesCodec.INSTANCE.what());
    return new CesAggregator(CesCodec.INSTANCE.read(r)).readFrom(r);
  }
}
