package io.github.cxkpi.flink;

import io.github.cxkpi.codec.CodecException;
import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** A cxkpi frame in Flink's streams: its length, then its bytes. Package-private. */
final class FrameIo {
  private FrameIo() {}

  static void write(byte[] frame, DataOutputView target) throws IOException {
    target.writeInt(frame.length);
    target.write(frame);
  }

  /** Reads a frame, refusing a length no frame has before allocating for it. */
  static byte[] read(DataInputView source, int maxLength, String what) throws IOException {
    int length = source.readInt();
    if (length < 8 || length > maxLength) {
      throw new IOException(new CodecException(
          what + " of " + length + " bytes: not a frame length"));
    }
    byte[] bytes = new byte[length];
    source.readFully(bytes);
    return bytes;
  }
}
