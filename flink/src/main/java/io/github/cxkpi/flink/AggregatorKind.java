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
import io.github.cxkpi.spi.Aggregator;
import io.github.cxkpi.spi.KpiProvider;
import io.github.cxkpi.spi.KpiRegistry;
import io.github.cxkpi.spi.KpiType;
import java.io.Serial;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A typed cxkpi aggregator Flink can hold as state or accumulator: a {@link KpiType} that Flink
 * can serialize (by its id). Its id is what a serializer snapshot records, so it never changes
 * for a kind. Any KPI with a type works ({@link #of(KpiType)}, or {@link #byId(String)} for the
 * registry's), with no edit here; the constants are the library's own.
 *
 * @param <A> the aggregator
 * @since 0.1.0
 */
public final class AggregatorKind<A extends Aggregator<?, A, ?>> implements Serializable {
  @Serial private static final long serialVersionUID = 2L;

  // One kind per id, so that kinds (and the serializers that hold them) compare by identity.
  private static final Map<String, AggregatorKind<?>> KINDS = new ConcurrentHashMap<>();

  /** NPS aggregators. */
  public static final AggregatorKind<NpsAggregator> NPS = of(Nps.TYPE);
  /** CSAT aggregators. */
  public static final AggregatorKind<CsatAggregator> CSAT = of(Csat.TYPE);
  /** CES aggregators. */
  public static final AggregatorKind<CesAggregator> CES = of(Ces.TYPE);
  /** Survey FCR aggregators. */
  public static final AggregatorKind<SurveyFcrAggregator> SURVEY_FCR = of(Fcr.SURVEY_TYPE);
  /** Repeat-contact FCR aggregators (with their pending state). */
  public static final AggregatorKind<RepeatContactAggregator> REPEAT_FCR = of(Fcr.REPEAT_TYPE);

  /** The KPI's id: all a kind writes when serialized. */
  private final String id;
  private final transient KpiType<?, A> type;

  private AggregatorKind(KpiType<?, A> type) {
    this.id = type.id();
    this.type = type;
  }

  /**
   * The kind of a KPI type; one per id.
   *
   * @param <A> the aggregator
   * @param type the KPI's type
   * @return the kind
   * @throws IllegalArgumentException when another type already holds its id
   */
  @SuppressWarnings("unchecked")
  public static <A extends Aggregator<?, A, ?>> AggregatorKind<A> of(KpiType<?, A> type) {
    Objects.requireNonNull(type, "type is null");
    AggregatorKind<?> k = KINDS.computeIfAbsent(type.id(), id -> new AggregatorKind<>(type));
    if (k.type != type) {
      throw new IllegalArgumentException("aggregator kind '" + type.id() + "' is already "
          + k.type + ", not " + type);
    }
    return (AggregatorKind<A>) k;
  }

  /**
   * The kind of an id: one made before, or the type of the registry's KPI of that id.
   *
   * @param id the id
   * @return the kind
   * @throws IllegalArgumentException for an id no typed KPI has
   */
  public static AggregatorKind<?> byId(String id) {
    Objects.requireNonNull(id, "id is null");
    AggregatorKind<?> k = KINDS.get(id);
    if (k != null) {
      return k;
    }
    KpiType<?, ?> type = KpiRegistry.load(AggregatorKind.class.getClassLoader()).find(id)
        .flatMap(KpiProvider::type).orElseThrow(() -> new IllegalArgumentException(
            "unknown cxkpi aggregator kind '" + id + "': no KPI with a type has that id"));
    return ofWildcard(type);
  }

  private static <A extends Aggregator<?, A, ?>> AggregatorKind<A> ofWildcard(KpiType<?, A> t) {
    return of(t);
  }

  /**
   * The kind's id (the KPI's).
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * The aggregator's class.
   *
   * @return the class
   */
  public Class<A> type() {
    return type.aggregatorType();
  }

  /**
   * Serializes an aggregator.
   *
   * @param aggregator the aggregator
   * @return its bytes
   */
  public byte[] encode(A aggregator) {
    return Objects.requireNonNull(aggregator, "aggregator is null").toBytes();
  }

  /**
   * Deserializes an aggregator.
   *
   * @param bytes the bytes
   * @return the aggregator
   * @throws io.github.cxkpi.codec.CodecException for bad bytes
   */
  public A decode(byte[] bytes) {
    return type.fromBytes(bytes);
  }

  /**
   * An empty aggregator of the KPI's default definition.
   *
   * @return the aggregator
   */
  public A empty() {
    return type.newAggregator();
  }

  /**
   * Resolves a deserialized kind to its constant, so that kinds compare by identity.
   *
   * @return the kind of the same id
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
