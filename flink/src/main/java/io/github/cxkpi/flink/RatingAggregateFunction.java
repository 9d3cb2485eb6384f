package io.github.cxkpi.flink;

import io.github.cxkpi.ces.CesAggregator;
import io.github.cxkpi.ces.CesDefinition;
import io.github.cxkpi.ces.Ces;
import io.github.cxkpi.csat.Csat;
import io.github.cxkpi.csat.CsatAggregator;
import io.github.cxkpi.csat.CsatDefinition;
import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.fcr.Fcr;
import io.github.cxkpi.fcr.SurveyFcrAggregator;
import io.github.cxkpi.fcr.SurveyFcrDefinition;
import io.github.cxkpi.nps.Nps;
import io.github.cxkpi.nps.NpsAggregator;
import io.github.cxkpi.nps.NpsDefinition;
import io.github.cxkpi.scale.RatingAggregator;
import io.github.cxkpi.spi.KpiSummary;
import java.io.Serial;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * A rating KPI (NPS, CSAT, CES, survey FCR) as a Flink {@link AggregateFunction}: survey
 * responses in (those to other questions are skipped), a {@link KpiSummary} out, the cxkpi
 * aggregator as accumulator; partial accumulators merge exactly across parallel instances and
 * session windows. The definition travels with the function (as the codec's bytes of an empty
 * aggregator), so any variant works.
 *
 * <pre>{@code
 * RatingAggregateFunction<NpsAggregator> nps = RatingAggregateFunction.nps(Nps.definition());
 * responses.keyBy(r -> r.channel().name(), Types.STRING)
 *     .window(TumblingEventTimeWindows.of(Duration.ofDays(7)))
 *     .aggregate(nps, nps.accumulatorType(), nps.resultType());
 * }</pre>
 *
 * @param <A> the aggregator
 * @since 0.1.0
 */
public final class RatingAggregateFunction<A extends RatingAggregator<?, ?, A>>
    implements AggregateFunction<SurveyResponse, A, KpiSummary> {
  @Serial private static final long serialVersionUID = 1L;

  /** The kind of aggregator. */
  private final AggregatorKind<A> kind;
  /** The codec's bytes of an empty aggregator: the definition, in serializable form. */
  private final byte[] empty;
  /** The confidence level of the summaries. */
  private final double level;

  private RatingAggregateFunction(AggregatorKind<A> kind, A empty, double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be strictly between 0 and 1, was " + level);
    }
    this.kind = kind;
    this.empty = empty.toBytes();
    this.level = level;
  }

  /**
   * NPS of a definition, 95 % intervals.
   *
   * @param definition the definition
   * @return the function
   */
  public static RatingAggregateFunction<NpsAggregator> nps(NpsDefinition definition) {
    return new RatingAggregateFunction<>(AggregatorKind.NPS, Nps.aggregator(definition), 0.95);
  }

  /**
   * CSAT of a definition, 95 % intervals.
   *
   * @param definition the definition
   * @return the function
   */
  public static RatingAggregateFunction<CsatAggregator> csat(CsatDefinition definition) {
    return new RatingAggregateFunction<>(AggregatorKind.CSAT, Csat.aggregator(definition), 0.95);
  }

  /**
   * CES of a definition, 95 % intervals.
   *
   * @param definition the definition
   * @return the function
   */
  public static RatingAggregateFunction<CesAggregator> ces(CesDefinition definition) {
    return new RatingAggregateFunction<>(AggregatorKind.CES, Ces.aggregator(definition), 0.95);
  }

  /**
   * Survey FCR of a definition, 95 % intervals.
   *
   * @param definition the definition
   * @return the function
   */
  public static RatingAggregateFunction<SurveyFcrAggregator> surveyFcr(
      SurveyFcrDefinition definition) {
    return new RatingAggregateFunction<>(AggregatorKind.SURVEY_FCR,
        Fcr.surveyAggregator(definition), 0.95);
  }

  /**
   * The same function with intervals at another level.
   *
   * @param level the confidence level
   * @return the function
   */
  public RatingAggregateFunction<A> withLevel(double level) {
    return new RatingAggregateFunction<>(kind, kind.decode(empty), level);
  }

  /**
   * The accumulator's type information, to hand to {@code aggregate(...)}.
   *
   * @return the type information
   */
  public TypeInformation<A> accumulatorType() {
    return CxkpiTypes.aggregators(kind);
  }

  /**
   * The result's type information, to hand to {@code aggregate(...)}.
   *
   * @return the type information
   */
  public TypeInformation<KpiSummary> resultType() {
    return CxkpiTypes.kpiSummaries();
  }

  @Override
  public A createAccumulator() {
    return kind.decode(empty);
  }

  @Override
  public A add(SurveyResponse value, A accumulator) {
    accumulator.accept(value);
    return accumulator;
  }

  @Override
  public KpiSummary getResult(A accumulator) {
    return accumulator.summary(level);
  }

  @Override
  public A merge(A a, A b) {
    return a.merge(b);
  }
}
