package io.github.cxkpi.scale;

import io.github.cxkpi.spi.KpiAggregator;
import io.github.cxkpi.spi.KpiProvider;
import io.github.cxkpi.spi.KpiType;
import java.util.Objects;
import java.util.Optional;

/**
 * The registry entry of a rating KPI, made from its {@link KpiType}: a KPI module subclasses it
 * with a public no-argument constructor (for {@link java.util.ServiceLoader}) that passes its
 * type, and writes nothing else.
 *
 * @param <A> the aggregator type
 * @since 0.1.0
 */
public abstract class RatingKpiProvider<A extends RatingAggregator<?, ?, A>>
    implements KpiProvider {
  private final KpiType<?, A> type;

  /**
   * A provider of a KPI type.
   *
   * @param type the KPI's type
   */
  protected RatingKpiProvider(KpiType<?, A> type) {
    this.type = Objects.requireNonNull(type, "type is null");
  }

  @Override
  public final String id() {
    return type.id();
  }

  @Override
  public final int frameKind() {
    return type.frameKind();
  }

  @Override
  public final String displayName() {
    return type.displayName();
  }

  @Override
  public final KpiAggregator newAggregator() {
    return RatingKpiAggregator.of(type.newAggregator());
  }

  @Override
  public final KpiAggregator fromBytes(byte[] bytes) {
    return RatingKpiAggregator.of(type.fromBytes(bytes));
  }

  @Override
  public final Optional<KpiType<?, ?>> type() {
    return Optional.of(type);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + type + "]";
  }
}
