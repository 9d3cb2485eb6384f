package io.github.cxkpi.codec;

import java.io.Serial;

/**
 * Thrown for any bytes that cannot be decoded: truncated, oversized, corrupted, of an unknown
 * version or of another kind, or with trailing bytes. It is the only exception that decoding
 * throws for bad bytes (a {@code null} array gives a {@link NullPointerException}).
 *
 * @since 0.1.0
 */
public final class CodecException extends IllegalArgumentException {
  @Serial private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, and where
   */
  public CodecException(String message) {
    super(message);
  }
}
