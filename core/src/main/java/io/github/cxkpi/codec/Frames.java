package io.github.cxkpi.codec;

/** Constants of the framing; package-private. */
final class Frames {
  static final int MAGIC_0 = 0xCE;
  static final int MAGIC_1 = 0x58;
  static final int VERSION = 1;
  static final int HEADER = 4;
  static final int TRAILER = 4;

  private Frames() {}
}
