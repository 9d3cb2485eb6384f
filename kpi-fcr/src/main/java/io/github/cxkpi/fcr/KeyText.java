package io.github.cxkpi.fcr;

import io.github.cxkpi.codec.FrameReader;
import java.util.Locale;

/**
 * The rule every FCR key obeys so that a checkpoint can hold it and read it back unchanged:
 * not blank, well-formed Unicode (UTF-8 would replace a lone surrogate), at most
 * {@link FrameReader#MAX_STRING_BYTES} bytes in UTF-8 (the codec's string limit).
 */
final class KeyText {
  static final int MAX_BYTES = FrameReader.MAX_STRING_BYTES;

  private KeyText() {}

  /** Checks a key; {@code what} names it in the message (e.g. "key", "FCR key CASE"). */
  static String check(String key, String what) {
    if (key.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank, was '" + key + "'");
    }
    long bytes = 0;
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < key.length()
          && Character.isLowSurrogate(key.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(what + " must be well-formed Unicode (a checkpoint "
            + "stores it as UTF-8), but has a lone surrogate U+"
            + Integer.toHexString(c).toUpperCase(Locale.ROOT) + " at index " + i + ": '"
            + start(key) + "'");
      } else {
        bytes += 3;
      }
    }
    if (bytes > MAX_BYTES) {
      throw new IllegalArgumentException(what + " must be at most " + MAX_BYTES + " UTF-8 bytes"
          + " (the checkpoint's string limit), was " + bytes + " bytes: '" + start(key) + "'");
    }
    return key;
  }

  /** The start of a text, for messages (whole surrogate pairs only). */
  static String start(String value) {
    if (value.length() <= 40) {
      return value;
    }
    int end = Character.isHighSurrogate(value.charAt(39)) ? 39 : 40;
    return value.substring(0, end) + "...";
  }
}
