package io.github.cxkpi.flink;

import io.github.cxkpi.event.Interaction;
import io.github.cxkpi.spi.KpiAggregator;
import io.github.cxkpi.spi.KpiRegistry;
import io.github.cxkpi.spi.KpiSummary;
import java.io.Serial;
import java.util.Objects;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * Any KPI of the registry as a Flink {@link AggregateFunction}, by its id: the accumulator is
 * the KPI's aggregator seen through the SPI (serialized by its own frames,
 * {@link KpiAggregatorSerializer}), the result its {@link KpiSummary}. A KPI module on the class
 * path is usable here with no change to this adapter. Partial aggregates merge exactly
 * (repeat-contact FCR only across disjoint customers: key the stream by customer for it, or use
 * {@link RepeatContactFcrFunction}).
 *
 * @param <I> the interactions of the stream (survey responses or service contacts)
 * @since 0.1.0
 */
public final class KpiAggregateFunction<I extends Interaction>
    implements AggregateFunction<I, KpiAggregator, KpiSummary> {
  @Serial private static final long serialVersionUID = 1L;

  /** The KPI's id in the registry. */
  private final String kpiId;
  /** The confidence level of the summaries. */
  private final double level;
  /** The accumulators' serializer, which also makes them (the KPI found in the task). */
  private final KpiAggregatorSerializer accumulators;

  private KpiAggregateFunction(String kpiId, double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be strictly between 0 and 1, was " + level);
    }
    this.kpiId = kpiId;
    this.level = level;
    this.accumulators = new KpiAggregatorSerializer(kpiId);
  }

  /**
   * The function of a registered KPI, with 95 % intervals.
   *
   * @param <I> the interactions of the stream
   * @param kpiId the KPI's id (e.g. "nps")
   * @return the function
   * @throws IllegalArgumentException when the registry has no such KPI (checked now, when the
   *     job is built, not in the tasks)
   */
  public static <I extends Interaction> KpiAggregateFunction<I> of(String kpiId) {
    KpiRegistry.load().get(Objects.requireNonNull(kpiId, "kpiId is null"));
    return new KpiAggregateFunction<>(kpiId, 0.95);
  }

  /**
   * This function with another confidence level.
   *
   * @param level strictly between 0 and 1
   * @return the function
   */
  public KpiAggregateFunction<I> withLevel(double level) {
    return new KpiAggregateFunction<>(kpiId, level);
  }

  /**
   * The accumulator's type information, to hand to Flink explicitly.
   *
   * @return the type information
   */
  public TypeInformation<KpiAggregator> accumulatorType() {
    return new SerializerTypeInfo<>(KpiAggregator.class, accumulators);
  }

  /**
   * The result's type information.
   *
   * @return the type information
   */
  public TypeInformation<KpiSummary> resultType() {
    return CxkpiTypes.kpiSummaries();
  }

  @Override
  public KpiAggregator createAccumulator() {
    return accumulators.createInstance();
  }

  @Override
  public KpiAggregator add(I value, KpiAggregator accumulator) {
    accumulator.accept(value);
    return accumulator;
  }

  @Override
  public KpiSummary getResult(KpiAggregator accumulator) {
    KpiAggregator decided = accumulator.copy();
    decided.endOfInput(); // a window's end: event-time KPIs decide what is pending
    return decided.summary(level);
  }

  @Override
  public KpiAggregator merge(KpiAggregator a, KpiAggregator b) {
    return a.merge(b);
  }
}
