package io.github.cxkpi.drivers;

import io.github.cxkpi.scale.OutOfRangePolicy;
import io.github.cxkpi.spi.KpiAggregator;
import io.github.cxkpi.spi.KpiType;
import java.util.List;

/**
 * Key-driver analysis: the entry point. A definition names the outcome and the factors:
 * <pre>{@code
 * DriverDefinition d = Drivers.outcome("nps", 0, 10)
 *     .withFactors(1, 10, "helpfulness", "problem_solving", "value_for_time");
 * DriverAggregator a = Drivers.aggregator(d);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Drivers {
  /** The KPI's id in the registry. */
  public static final String ID = "drivers";

  /** The kind byte of its frames. */
  static final int FRAME_KIND = 13;

  /**
   * The eight common factors of a good experience, as question ids: accessibility, competence,
   * customer_recognition, helpfulness, personalization, problem_solving, promise_fulfilment,
   * value_for_time.
   */
  public static final List<String> COMMON_FACTORS = List.of("accessibility", "competence",
      "customer_recognition", "helpfulness", "personalization", "problem_solving",
      "promise_fulfilment", "value_for_time");

  /**
   * The KPI's typed identity (id, frame kind, name, definition, factory, decoder), as the
   * registry and typed adapters see it.
   */
  public static final KpiType<DriverDefinition, DriverAggregator> TYPE = KpiType.of(ID,
      "Key drivers (R²)", FRAME_KIND, DriverDefinition.class, definition(),
      DriverAggregator.class, Drivers::aggregator, Drivers::fromBytes);

  private Drivers() {}

  /**
   * A definition with this outcome and no factor yet (add them with
   * {@link DriverDefinition#withFactors}); respondents by {@code "response_id"} or instant,
   * answers off their scale and duplicate answers rejected (an exception), complete cases,
   * small samples below 100 respondents.
   *
   * @param question the outcome's question id
   * @param min the lowest point of its scale
   * @param max the highest point
   * @return the definition
   */
  public static DriverDefinition outcome(String question, int min, int max) {
    return new DriverDefinition(new RatedQuestion(question, min, max), List.of(),
        DriverDefinition.DEFAULT_RESPONSE_ID_ATTRIBUTE, OutOfRangePolicy.REJECT,
        DuplicatePolicy.REJECT, MissingAnswers.COMPLETE_CASES,
        DriverDefinition.DEFAULT_SMALL_SAMPLE_THRESHOLD);
  }

  /**
   * The default definition (the registry's): the outcome "nps" on 0-10 and the
   * {@linkplain #COMMON_FACTORS eight common factors} on 1-10.
   *
   * @return the definition
   */
  public static DriverDefinition definition() {
    return outcome("nps", 0, 10).withFactors(1, 10, COMMON_FACTORS.toArray(new String[0]));
  }

  /**
   * An empty aggregator of the {@linkplain #definition() default definition}.
   *
   * @return the aggregator
   */
  public static DriverAggregator aggregator() {
    return aggregator(definition());
  }

  /**
   * An empty aggregator of a definition.
   *
   * @param definition the definition, with at least one factor
   * @return the aggregator
   * @throws IllegalArgumentException when the definition has no factor
   */
  public static DriverAggregator aggregator(DriverDefinition definition) {
    return new DriverAggregator(definition);
  }

  /**
   * Decodes an aggregator written by {@link DriverAggregator#toBytes()}.
   *
   * @param bytes the frame
   * @return the aggregator, with its definition, moments and partial respondents
   * @throws io.github.cxkpi.codec.CodecException for any bad bytes
   */
  public static DriverAggregator fromBytes(byte[] bytes) {
    return DriverAggregator.fromBytes(bytes);
  }

  /**
   * An aggregator seen by generic code (a scorecard, the CLI, Flink): its summary's headline is
   * R^2 (0 to 1, no interval), its details per factor the relative weight (group
   * "importance") and the performance (group "performance": the mean with its t interval when
   * all factors share one scale, else the normalized mean), which a report draws as the
   * importance-performance map. The view shares the aggregator's state.
   *
   * @param aggregator the aggregator
   * @return the view
   */
  public static KpiAggregator asKpiAggregator(DriverAggregator aggregator) {
    return new DriverKpiAggregator(aggregator);
  }
}
