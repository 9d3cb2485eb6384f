package io.github.cxkpi.codec;

/**
 * How one KPI's definition is written at the start of its aggregators' frames and read back: the
 * hook a KPI module gives its aggregators, kept in the module's internal package so that the
 * user-facing definition carries no codec methods.
 *
 * <p>{@link #read} must check every value it reads (through {@link FrameReader}'s bounded getters)
 * and turn a definition the constructor refuses into {@link FrameReader#error}, so that corrupt
 * bytes give a {@link CodecException} and nothing else.
 *
 * @param <D> the definition type
 * @since 0.1.0
 */
public interface DefinitionCodec<D> {
  /**
   * The frame kind of the KPI's aggregators.
   *
   * @return the kind, 2..255, unique among the registered KPIs
   */
  int frameKind();

  /**
   * What the frame holds, for error messages (e.g. {@code "NPS aggregator"}).
   *
   * @return a short description
   */
  String what();

  /**
   * Writes the definition's parameters.
   *
   * @param definition the definition
   * @param w the frame being written
   */
  void write(D definition, FrameWriter w);

  /**
   * Reads the parameters written by {@link #write} and builds the definition.
   *
   * @param r the frame, positioned at the parameters
   * @return the definition
   * @throws CodecException if the bytes are not a valid definition
   */
  D read(FrameReader r);
}
