package io.github.cxkpi.testing;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;

/** Test helpers for frames: mutations that keep the checksum valid, to test the decoder. */
public final class Frames {
  private Frames() {}

  /**
   * Changes, inserts or deletes a few payload bytes of a frame and writes a fresh CRC32C, so
   * that the decoder's own checks (not the checksum) must catch the damage.
   *
   * @param frame a valid frame
   * @param rnd the random source
   * @return a mutated frame with a valid checksum
   */
  public static byte[] mutatePayload(byte[] frame, SplittableRandom rnd) {
    byte[] body = Arrays.copyOf(frame, frame.length - 4);
    int edits = 1 + rnd.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int payloadStart = 4;
      if (body.length <= payloadStart) {
        break;
      }
      int at = payloadStart + rnd.nextInt(body.length - payloadStart);
      switch (rnd.nextInt(4)) {
        case 0 -> body = delete(body, at);
        case 1 -> body = insert(body, at, (byte) rnd.nextInt(256));
        case 2 -> body[at] = (byte) (rnd.nextBoolean() ? 0xFF : 0x00);
        default -> body[at] ^= (byte) (1 << rnd.nextInt(8));
      }
    }
    return withChecksum(body);
  }

  private static byte[] delete(byte[] b, int at) {
    byte[] out = new byte[b.length - 1];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(b, at + 1, out, at, b.length - at - 1);
    return out;
  }

  private static byte[] insert(byte[] b, int at, byte v) {
    byte[] out = new byte[b.length + 1];
    System.arraycopy(b, 0, out, 0, at);
    out[at] = v;
    System.arraycopy(b, at, out, at + 1, b.length - at);
    return out;
  }

  /**
   * Appends a valid CRC32C to a frame body.
   *
   * @param body header and payload
   * @return the frame
   */
  public static byte[] withChecksum(byte[] body) {
    CRC32C crc = new CRC32C();
    crc.update(body, 0, body.length);
    int v = (int) crc.getValue();
    byte[] out = Arrays.copyOf(body, body.length + 4);
    out[body.length] = (byte) (v >>> 24);
    out[body.length + 1] = (byte) (v >>> 16);
    out[body.length + 2] = (byte) (v >>> 8);
    out[body.length + 3] = (byte) v;
    return out;
  }
}
