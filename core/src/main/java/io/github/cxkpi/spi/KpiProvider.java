package io.github.cxkpi.spi;

import java.util.Optional;

/**
 * A KPI, as a module provides it to the {@link KpiRegistry}. Implementations must be
 * thread-safe and have a public no-argument constructor (for {@link java.util.ServiceLoader}).
 *
 * @since 0.1.0
 */
public interface KpiProvider {
  /**
   * The KPI's id: lower case, unique in the registry (e.g. "nps", "csat").
   *
   * @return the id
   */
  String id();

  /**
   * The kind byte of the KPI's frames (the codec's header), unique in the registry, so that any
   * frame finds its decoder ({@link KpiRegistry#fromBytes}). Kind 1 is core's histogram; the
   * library's KPIs use 2 to 15 (NPS 2, CSAT 3, CES 4, survey FCR 5, repeat-contact FCR 6; the
   * service times 8 to 12: first response, resolution, handle time, speed of answer,
   * abandonment, with 7 their duration histogram; key drivers 13); other modules take one from
   * 16 to 255.
   *
   * @return the kind, 2 to 255
   */
  int frameKind();

  /**
   * The KPI's name for people (e.g. "Net Promoter Score").
   *
   * @return the name
   */
  String displayName();

  /**
   * A new, empty aggregator of the KPI's default definition.
   *
   * @return the aggregator
   */
  KpiAggregator newAggregator();

  /**
   * A new, empty aggregator of the KPI's default definition, configured by generic options
   * (e.g. the input's time order). KPIs without event-time state ignore the options: the
   * default returns {@link #newAggregator()}.
   *
   * @param options the options
   * @return the aggregator
   */
  default KpiAggregator newAggregator(KpiOptions options) {
    java.util.Objects.requireNonNull(options, "options is null");
    return newAggregator();
  }

  /**
   * Decodes an aggregator serialized by {@link KpiAggregator#toBytes()}.
   *
   * @param bytes the bytes
   * @return the aggregator
   * @throws io.github.cxkpi.codec.CodecException for any bad bytes
   */
  KpiAggregator fromBytes(byte[] bytes);

  /**
   * The KPI's typed identity, for adapters that need the aggregator's own type (Flink's
   * accumulators); empty for a provider wired by hand around a configured definition. When
   * present, the registry checks that its id and frame kind are this provider's.
   *
   * @return the type, if the provider has one
   */
  default Optional<KpiType<?, ?>> type() {
    return Optional.empty();
  }

  /**
   * Whether a scorecard given no list of KPIs computes this one. False for a KPI whose state
   * grows with an input that lacks what it needs (key drivers hold each partial respondent until
   * its last answer): such a KPI is computed when it is asked for by id.
   *
   * @return true by default
   */
  default boolean computedByDefault() {
    return true;
  }
}
