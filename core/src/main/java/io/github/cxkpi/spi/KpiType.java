package io.github.cxkpi.spi;

import io.github.cxkpi.internal.Checks;
import java.util.Objects;
import java.util.function.Function;

/**
 * A KPI's typed identity: its id, frame kind and name, its definition type with the default
 * definition, how an aggregator is made from a definition and how one is decoded from its bytes.
 * Each KPI module publishes one constant per KPI ({@code Nps.TYPE}, {@code Fcr.REPEAT_TYPE}, ...);
 * its {@link KpiProvider} reports it, and the registry checks that the two agree. Typed adapters
 * (Flink's accumulators) work from it, untyped ones (the scorecard, the CLI) from the provider.
 *
 * <p>Instances are immutable and compare by identity: there is one per KPI.
 *
 * @param <D> the definition type
 * @param <A> the aggregator type
 * @since 0.1.0
 */
public final class KpiType<D, A extends Aggregator<?, A, ?>> {
  private final String id;
  private final String displayName;
  private final int frameKind;
  private final Class<D> definitionType;
  private final D defaultDefinition;
  private final Class<A> aggregatorType;
  private final Function<? super D, A> factory;
  private final Function<byte[], A> decoder;

  private KpiType(String id, String displayName, int frameKind, Class<D> definitionType,
      D defaultDefinition, Class<A> aggregatorType, Function<? super D, A> factory,
      Function<byte[], A> decoder) {
    this.id = Checks.notBlank(id, "id");
    this.displayName = Checks.notBlank(displayName, "displayName");
    if (frameKind < KpiRegistry.MIN_FRAME_KIND || frameKind > KpiRegistry.MAX_FRAME_KIND) {
      throw new IllegalArgumentException("frame kind of KPI '" + id + "' must be "
          + KpiRegistry.MIN_FRAME_KIND + ".." + KpiRegistry.MAX_FRAME_KIND + ", was " + frameKind);
    }
    this.frameKind = frameKind;
    this.definitionType = Objects.requireNonNull(definitionType, "definitionType is null");
    this.defaultDefinition = definitionType.cast(
        Objects.requireNonNull(defaultDefinition, "defaultDefinition is null"));
    this.aggregatorType = Objects.requireNonNull(aggregatorType, "aggregatorType is null");
    this.factory = Objects.requireNonNull(factory, "factory is null");
    this.decoder = Objects.requireNonNull(decoder, "decoder is null");
  }

  /**
   * Describes a KPI; called once per KPI, by its module.
   *
   * @param <D> the definition type
   * @param <A> the aggregator type
   * @param id the KPI's id (e.g. {@code "nps"}), not blank
   * @param displayName its name for people (e.g. {@code "Net Promoter Score"}), not blank
   * @param frameKind the frame kind of its aggregators' bytes, 2..255
   * @param definitionType the definition's class
   * @param defaultDefinition the definition used when none is given
   * @param aggregatorType the aggregator's class
   * @param factory makes an empty aggregator of a definition
   * @param decoder reads an aggregator from its bytes, throwing
   *     {@link io.github.cxkpi.codec.CodecException} for bad bytes
   * @return the type
   */
  public static <D, A extends Aggregator<?, A, ?>> KpiType<D, A> of(String id,
      String displayName, int frameKind, Class<D> definitionType, D defaultDefinition,
      Class<A> aggregatorType, Function<? super D, A> factory, Function<byte[], A> decoder) {
    return new KpiType<>(id, displayName, frameKind, definitionType, defaultDefinition,
        aggregatorType, factory, decoder);
  }

  /**
   * The KPI's id.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * The KPI's name for people.
   *
   * @return the name
   */
  public String displayName() {
    return displayName;
  }

  /**
   * The frame kind of the KPI's aggregators.
   *
   * @return the kind
   */
  public int frameKind() {
    return frameKind;
  }

  /**
   * The definition's class.
   *
   * @return the class
   */
  public Class<D> definitionType() {
    return definitionType;
  }

  /**
   * The definition used when none is given.
   *
   * @return the default definition
   */
  public D defaultDefinition() {
    return defaultDefinition;
  }

  /**
   * The aggregator's class.
   *
   * @return the class
   */
  public Class<A> aggregatorType() {
    return aggregatorType;
  }

  /**
   * A new, empty aggregator of the default definition.
   *
   * @return the aggregator
   */
  public A newAggregator() {
    return newAggregator(defaultDefinition);
  }

  /**
   * A new, empty aggregator of a definition.
   *
   * @param definition the definition
   * @return the aggregator
   */
  public A newAggregator(D definition) {
    return factory.apply(definitionType.cast(
        Objects.requireNonNull(definition, "definition is null")));
  }

  /**
   * Reads an aggregator written by its {@code toBytes()}.
   *
   * @param bytes the bytes
   * @return the aggregator
   * @throws io.github.cxkpi.codec.CodecException if the bytes are not such an aggregator
   */
  public A fromBytes(byte[] bytes) {
    return decoder.apply(Objects.requireNonNull(bytes, "bytes is null"));
  }

  /** Reads as {@code KPI type nps (frame kind 2)}. */
  @Override
  public String toString() {
    return "KPI type " + id + " (frame kind " + frameKind + ")";
  }
}
