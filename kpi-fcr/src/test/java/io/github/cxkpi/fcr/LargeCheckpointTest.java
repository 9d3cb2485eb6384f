package io.github.cxkpi.fcr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.codec.FrameReader;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #10: "an FCR checkpoint of ~1.5 M pending keys is written (72 MB) but refused". Whatever
 * the aggregator writes, above the 64 MiB that {@link FrameReader} caps, reads back: as one
 * array and as a stream through a file. The frame is made large with 400,000 keys of 160
 * bytes rather than 1.5 million short ones, which takes over 30 s on a loaded 2-core machine;
 * the size, not the key count, is what the cap refused.
 */
class LargeCheckpointTest {
  private static final Instant T = Instant.parse("2026-06-01T00:00:00Z");

  @Test
  void aCheckpointAboveTheFrameReaderCapRoundTrips(@TempDir Path dir)
      throws IOException {
    RepeatContactAggregator a = Fcr.repeatContactAggregator();
    int n = 400_000;
    String pad = "-".repeat(130);
    for (int i = 0; i < n; i++) {
      // Keys the size of real customer ids; all within the window, so every key is pending.
      String key = "customer-" + (100_000_000_000_000_000L + (long) i * 7919) + pad;
      a.add(key, T.plusMillis(i), i % 3 == 0);
    }
    assertEquals(n, a.pendingKeys());
    byte[] bytes = a.toBytes();
    assertTrue(bytes.length > FrameReader.MAX_FRAME_BYTES, "bytes " + bytes.length);
    RepeatContactAggregator fromArray = Fcr.repeatContactFromBytes(bytes);
    assertEquals(a.result(), fromArray.result());
    Path file = dir.resolve("fcr.ckpt");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
      assertEquals(bytes.length, a.writeTo(out));
    }
    assertEquals(bytes.length, Files.size(file));
    RepeatContactAggregator fromStream;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      fromStream = Fcr.repeatContactFromStream(in);
      assertEquals(-1, in.read(), "read to the frame's end");
    }
    assertArrayEquals(bytes, fromStream.toBytes());
    bytes = null; // let the collector have it before deciding
    a.endOfInput();
    fromArray.endOfInput();
    assertEquals(a.result(), fromArray.result());
    assertEquals(n, a.result().episodesResolved());
  }

  @Test
  void oneKeyWithMoreThanAMillionPendingContactsRoundTrips() throws IOException {
    // The whole input is pending until its end: the reader's old cap of 2^20 pending contacts
    // per key refused what the writer wrote.
    RepeatContactAggregator a = Fcr.repeatContactAggregator(
        Fcr.repeatContact().withDerivedWatermark(false).withWindow(Duration.ofMillis(1)));
    int n = (1 << 20) + 5;
    for (int i = n - 1; i >= 0; i--) {
      a.add("busy", T.plusMillis(2L * i), false);
    }
    byte[] bytes = a.toBytes();
    RepeatContactAggregator b = Fcr.repeatContactFromBytes(bytes);
    RepeatContactAggregator c =
        Fcr.repeatContactFromStream(new BufferedInputStream(new ByteArrayInputStream(bytes)));
    assertArrayEquals(bytes, c.toBytes());
    b.endOfInput();
    assertEquals(n, b.result().episodesResolved(), "gaps of 2 ms, window 1 ms: all single");
  }
}
