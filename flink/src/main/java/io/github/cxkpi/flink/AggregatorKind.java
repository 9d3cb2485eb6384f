package io.github.cxkpi.flink;

import io.github.cxkpi.ces.CesAggregator;
import io.github.cxkpi.ces.Ces;
import io.github.cxkpi.csat.Csat;
import io.github.cxkpi.csat.CsatAggregator;
import io.github.cxkpi.fcr.Fcr;
import io.github.cxkpi.fcr.RepeatContactAggregator;
import io.github.cxkpi.fcr.SurveyFcrAggregator;
import io.github.cxkpi.nps.Nps;
import io.github.cxkpi.nps.NpsAggregator;
import io.github.cxkpi.scale.RatingAggregator;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The cxkpi aggregators Flink can hold as state or accumulators, each with its codec. Its id is
 * what a serializer snapshot records, so it never changes for a kind.
 *
 * @param <A> the aggregator
 * @since 0.1.0
 */
public final class AggregatorKind<A> implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  /** NPS aggregators. */
  public static final AggregatorKind<NpsAggregator> NPS = new AggregatorKind<>("nps", NpsAggregator.class);
  /** CSAT aggregators. */
  public static final AggregatorKind<CsatAggregator> CSAT =
      new AggregatorKind<>("csat", CsatAggregator.class);
  /** CES aggregators. */
  public static final AggregatorKind<CesAggregator> CES = new AggregatorKind<>("ces", CesAggregator.class);
  /** Survey FCR aggregators. */
  public static final AggregatorKind<SurveyFcrAggregator> SURVEY_FCR =
      new AggregatorKind<>("fcr", SurveyFcrAggregator.class);
  /** Repeat-contact FCR aggregators (with their pending state). */
  public static final AggregatorKind<RepeatContactAggregator> REPEAT_FCR =
      new AggregatorKind<>("fcr-repeat", RepeatContactAggregator.class);

  private static final List<AggregatorKind<?>> ALL = List.of(NPS, CSAT, CES, SURVEY_FCR, REPEAT_FCR);

  /** The KPI's id: what the serialized form holds, resolved back to the constant. */
  private final String id;
  /** The aggregator's class. */
  private final Class<A> type;

  private AggregatorKind(String id, Class<A> type) {
    this.id = id;
    this.type = type;
  }

  /**
   * The kind of an id.
   *
   * @param id the id
   * @return the kind
   * @throws IllegalArgumentException for an unknown id
   */
  public static AggregatorKind<?> byId(String id) {
    for (AggregatorKind<?> k : ALL) {
      if (k.id.equals(id)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown cxkpi aggregator kind '" + id + "'");
  }

  /**
   * The id recorded in snapshots.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * The aggregator class.
   *
   * @return the class
   */
  public Class<A> type() {
    return type;
  }

  /**
   * Serializes an aggregator with the cxkpi codec.
   *
   * @param aggregator the aggregator
   * @return its bytes
   */
  public byte[] encode(A aggregator) {
    Objects.requireNonNull(aggregator, "aggregator is null");
    if (aggregator instanceof RatingAggregator<?, ?, ?> r) {
      return r.toBytes();
    }
    return ((RepeatContactAggregator) aggregator).toBytes();
  }

  /**
   * Decodes an aggregator.
   *
   * @param bytes the bytes
   * @return the aggregator
   * @throws io.github.cxkpi.codec.CodecException for bad bytes
   */
  public A decode(byte[] bytes) {
    Object a = switch (id) {
      case "nps" -> Nps.fromBytes(bytes);
      case "csat" -> Csat.fromBytes(bytes);
      case "ces" -> Ces.fromBytes(bytes);
      case "fcr" -> Fcr.surveyFromBytes(bytes);
      default -> Fcr.repeatContactFromBytes(bytes);
    };
    return type.cast(a);
  }

  /**
   * An empty aggregator of the kind's default definition.
   *
   * @return the aggregator
   */
  public A empty() {
    Object a = switch (id) {
      case "nps" -> Nps.aggregator();
      case "csat" -> Csat.aggregator();
      case "ces" -> Ces.aggregator();
      case "fcr" -> Fcr.surveyAggregator();
      default -> Fcr.repeatContactAggregator();
    };
    return type.cast(a);
  }

  /**
   * Resolves a deserialized kind to its constant, so that kinds compare by identity.
   *
   * @return the constant of the same id
   */
  @Serial
  private Object readResolve() {
    return byId(id);
  }

  @Override
  public String toString() {
    return "cxkpi " + id + " aggregator";
  }
}
