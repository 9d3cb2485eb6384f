package io.github.cxkpi.fcr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.codec.CodecException;
import io.github.cxkpi.codec.FrameWriter;
import io.github.cxkpi.event.ServiceContact;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Issue #10, done-criterion 1: every class of bad input to the public entry points of
 * repeat-contact FCR ({@code add}, {@code accept}, {@code advanceWatermark}, {@code merge},
 * {@code toBytes}/{@code writeTo}, {@code repeatContactFromBytes}/{@code FromStream}), each
 * with its exact exception type, a message naming the value and the rule, and the aggregator
 * unchanged; and "written implies readable" at the codec's limits.
 */
class FcrBadInputCatalogTest {
  private static final Instant T = Instant.parse("2026-04-01T12:00:00Z");

  /** Asserts the exact type and that the message holds every part (value and rule). */
  private static <X extends Throwable> X refused(Class<X> type, Executable e, String... parts) {
    X t = assertThrows(type, e);
    assertEquals(type, t.getClass(), "exact type");
    for (String part : parts) {
      assertTrue(String.valueOf(t.getMessage()).contains(part),
          "'" + t.getMessage() + "' should contain '" + part + "'");
    }
    return t;
  }

  private static RepeatContactAggregator sample() {
    RepeatContactAggregator a = Fcr.repeatContactAggregator();
    a.add("c1", T, true);
    a.add("c2", T.plusSeconds(60), false);
    a.add("c1", T.plus(Duration.ofDays(1)), false);
    return a;
  }

  private static RepeatContactAggregator fromStream(byte[] bytes) {
    try {
      return Fcr.repeatContactFromStream(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] streamed(RepeatContactAggregator a) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      assertEquals(a.writeTo(out), out.size(), "writeTo returns the bytes written");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Both readers must refuse the bytes with a CodecException holding every part. */
  private static void unreadable(byte[] bytes, String... parts) {
    refused(CodecException.class, () -> Fcr.repeatContactFromBytes(bytes), parts);
    refused(CodecException.class, () -> fromStream(bytes));
  }

  // ---- keys -------------------------------------------------------------------------------

  @Test
  void nullBlankLoneSurrogateAndOversizedKeysAreRefusedAtAdd() {
    RepeatContactAggregator a = Fcr.repeatContactAggregator();
    refused(NullPointerException.class, () -> a.add(null, T, true), "key is null");
    refused(IllegalArgumentException.class, () -> a.add(" \t", T, true),
        "key must not be blank", "' \t'");
    refused(IllegalArgumentException.class, () -> a.add("ab\uD800cd", T, true),
        "key must be well-formed Unicode", "lone surrogate U+D800 at index 2", "'ab\uD800cd'");
    refused(IllegalArgumentException.class, () -> a.add("x\uDC00", T, true),
        "lone surrogate U+DC00 at index 1");
    refused(IllegalArgumentException.class, () -> a.add("k".repeat(4097), T, true),
        "key must be at most 4096 UTF-8 bytes", "was 4097 bytes", "'kkkk");
    // 1366 euro signs: 1366 chars, 4098 bytes in UTF-8.
    refused(IllegalArgumentException.class, () -> a.add("\u20AC".repeat(1366), T, true),
        "at most 4096 UTF-8 bytes", "was 4098 bytes");
    assertTrue(a.isEmpty(), "nothing recorded");
    assertEquals(null, a.watermark(), "the watermark did not move");
  }

  @Test
  void keysAtTheLimitAreWrittenAndReadBackUnchanged() {
    RepeatContactAggregator a = Fcr.repeatContactAggregator();
    String ascii = "k".repeat(4096);
    String euro = "\u20AC".repeat(1365) + "x"; // 4096 bytes
    String emoji = "\uD83D\uDE00".repeat(1024); // surrogate pairs, 4096 bytes
    a.add(ascii, T, true);
    a.add(euro, T, false);
    a.add(emoji, T.plusSeconds(1), true);
    a.add("\u00E9", T.plusSeconds(2), true);
    byte[] bytes = a.toBytes();
    assertArrayEquals(bytes, streamed(a));
    for (RepeatContactAggregator b : new RepeatContactAggregator[] {
        Fcr.repeatContactFromBytes(bytes), fromStream(bytes)}) {
      assertArrayEquals(bytes, b.toBytes(), "same keys, same bytes");
      assertEquals(a.result(), b.result());
      // The keys are the same strings: a repeat of each is found after the round trip.
      b.add(emoji, T.plusSeconds(3), false);
      b.add(ascii, T.plusSeconds(3), false);
      b.endOfInput();
      assertEquals(2, b.result().contactsRepeated());
    }
  }

  @Test
  void composedAndMissingKeysAreRefusedAtAccept() {
    RepeatContactAggregator a = Fcr.repeatContactAggregator(
        Fcr.repeatContact().withKey(FcrKey.CUSTOMER_AND_REASON));
    // Each part is within the event limit of 4096 bytes; joined they are 4097.
    ServiceContact tooLong = ServiceContact.builder("c".repeat(2048), T)
        .reason("r".repeat(2048)).build();
    refused(IllegalArgumentException.class, () -> a.accept(tooLong),
        "FCR key CUSTOMER_AND_REASON", "must be at most 4096 UTF-8 bytes", "was 4097 bytes");
    ServiceContact separator = ServiceContact.builder("c\u001Fx", T).build();
    refused(IllegalArgumentException.class, () -> a.accept(separator),
        "customerId must not contain U+001F", "found at index 1", "CUSTOMER_AND_REASON");
    refused(NullPointerException.class, () -> a.accept(null), "contact is null");
    RepeatContactAggregator cases = Fcr.repeatContactAggregator(Fcr.caseBased());
    refused(IllegalArgumentException.class,
        () -> cases.accept(ServiceContact.builder("c1", T).build()),
        "customer 'c1'", "has no caseId, which the key CASE requires");
    assertTrue(a.isEmpty());
    assertTrue(cases.isEmpty());
    // The longest composed key that fits is accepted and survives a checkpoint.
    ServiceContact fits = ServiceContact.builder("c".repeat(2048), T).reason("r".repeat(2047))
        .build();
    assertTrue(a.accept(fits));
    assertArrayEquals(a.toBytes(), Fcr.repeatContactFromBytes(a.toBytes()).toBytes());
  }

  // ---- instants, watermark, lateness ------------------------------------------------------

  @Test
  void instantsOutsideTheRangeAndBackwardWatermarksAreRefused() {
    RepeatContactAggregator a =
        Fcr.repeatContactAggregator(Fcr.repeatContact().withDerivedWatermark(false));
    refused(IllegalArgumentException.class,
        () -> a.add("k", Instant.parse("1969-12-31T23:59:59.999Z"), false),
        "contact instant 1969-12-31T23:59:59.999Z", "outside the accepted range",
        "1970-01-01T00:00:00Z, 2200-01-01T00:00:00Z)");
    refused(IllegalArgumentException.class,
        () -> a.add("k", Instant.parse("2200-01-01T00:00:00Z"), false),
        "contact instant 2200-01-01T00:00:00Z is outside");
    refused(NullPointerException.class, () -> a.add("k", null, false), "contact instant is null");
    refused(IllegalArgumentException.class, () -> a.advanceWatermark(Instant.MAX),
        "watermark +1000000000-12-31T23:59:59.999999999Z is outside the accepted range");
    assertTrue(a.isEmpty());
    a.add("k", T, false);
    a.advanceWatermark(T.plusSeconds(10));
    refused(IllegalArgumentException.class, () -> a.advanceWatermark(T),
        "watermark must not move backwards", T + " is before the current " + T.plusSeconds(10));
    assertEquals(T.plusSeconds(10), a.watermark());
  }

  @Test
  void lateContactsAreCountedNeverDropped() {
    RepeatContactAggregator a =
        Fcr.repeatContactAggregator(Fcr.repeatContact().withAllowedLateness(Duration.ofMinutes(5)));
    assertTrue(a.add("a", T, true));
    assertTrue(a.add("b", T.minus(Duration.ofMinutes(5)), true), "exactly the lateness: on time");
    assertEquals(false, a.add("c", T.minus(Duration.ofMinutes(5)).minusMillis(1), true));
    assertEquals(false, a.accept(ServiceContact.builder("d", T.minusSeconds(3600)).build()));
    RepeatContactResult r = a.result();
    assertEquals(2, r.contacts());
    assertEquals(2, r.lateContacts());
    a.endOfInput();
    assertEquals(false, a.add("e", T.plus(Duration.ofDays(30)), true), "after the end: late");
    assertEquals(3, a.result().lateContacts());
  }

  // ---- merge ------------------------------------------------------------------------------

  @Test
  void mergeRefusalsLeaveTheReceiverUnchanged() {
    RepeatContactAggregator a = sample();
    byte[] before = a.toBytes();
    RepeatContactAggregator other = Fcr.repeatContactAggregator(
        Fcr.repeatContact().withSameInstant(SameInstantContacts.DUPLICATE));
    refused(IllegalArgumentException.class, () -> a.merge(other),
        "cannot merge aggregators of different definitions", "sameInstant=REPEAT",
        "sameInstant=DUPLICATE");
    RepeatContactAggregator shared = Fcr.repeatContactAggregator();
    shared.add("zz", T, true);
    shared.add("c2", T.plusSeconds(5), true);
    refused(IllegalArgumentException.class, () -> a.merge(shared),
        "both hold key 'c2' after contacts were processed", "disjoint key sets");
    refused(IllegalArgumentException.class, () -> a.merge(a), "with itself");
    refused(NullPointerException.class, () -> a.merge(null), "other is null");
    assertArrayEquals(before, a.toBytes(), "receiver unchanged");
    assertEquals(2, shared.pendingKeys(), "argument unchanged");
  }

  /** A state whose counts are at the top of the long range, crafted in the format. */
  private static byte[] countsAt(long contacts, long late) {
    FrameWriter w = FrameWriter.begin(Fcr.REPEAT_FRAME_KIND);
    Fcr.repeatContact().writeTo(w);
    w.putSignedLong(T.toEpochMilli()).putSignedLong(T.toEpochMilli());
    w.putVarLong(contacts).putVarLong(late).putVarLong(contacts).putVarLong(0)
        .putVarLong(0).putVarLong(0).putVarLong(0).putVarLong(0);
    return w.finish();
  }

  @Test
  void countOverflowIsAnArithmeticExceptionAndChangesNothing() {
    RepeatContactAggregator full = Fcr.repeatContactFromBytes(countsAt(Long.MAX_VALUE, 0));
    byte[] before = full.toBytes();
    refused(ArithmeticException.class, () -> full.add("k", T.plusSeconds(1), true), "overflow");
    assertArrayEquals(before, full.toBytes());
    RepeatContactAggregator one = Fcr.repeatContactAggregator();
    one.add("k", T.plusSeconds(1), true);
    refused(ArithmeticException.class, () -> full.merge(one), "overflow");
    assertArrayEquals(before, full.toBytes(), "receiver unchanged");
    RepeatContactAggregator lateFull = Fcr.repeatContactFromBytes(countsAt(0, Long.MAX_VALUE));
    refused(ArithmeticException.class, () -> lateFull.add("k", T.minusSeconds(3600), true),
        "overflow");
    assertEquals(Long.MAX_VALUE, lateFull.result().lateContacts());
  }

  // ---- writing ----------------------------------------------------------------------------

  @Test
  void toBytesRefusesMoreThanAnArrayHoldsBeforeWritingAndTheStreamTakesIt() {
    RepeatContactAggregator a = sample();
    long size = a.toBytes().length;
    assertArrayEquals(a.toBytes(), a.toBytes(size), "exactly at the limit");
    refused(IllegalStateException.class, () -> a.toBytes(size - 1),
        "would be " + size + " bytes", "2 pending keys", "more than the " + (size - 1),
        "writeTo(OutputStream)");
    assertArrayEquals(a.toBytes(), streamed(a), "the stream writes the same bytes");
    refused(NullPointerException.class, () -> a.writeTo(null), "out is null");
    assertEquals(Integer.MAX_VALUE - 8, RepeatContactAggregator.MAX_ARRAY_BYTES);
  }

  // ---- reading ----------------------------------------------------------------------------

  private static byte[] withCrc(byte[] frameWithoutCrc) {
    CRC32C crc = new CRC32C();
    crc.update(frameWithoutCrc);
    int v = (int) crc.getValue();
    byte[] out = Arrays.copyOf(frameWithoutCrc, frameWithoutCrc.length + 4);
    out[out.length - 4] = (byte) (v >>> 24);
    out[out.length - 3] = (byte) (v >>> 16);
    out[out.length - 2] = (byte) (v >>> 8);
    out[out.length - 1] = (byte) v;
    return out;
  }

  /** A frame of one pending key whose string bytes are given raw. */
  private static byte[] oneKeyFrame(byte[] keyUtf8) {
    FrameWriter w = FrameWriter.begin(Fcr.REPEAT_FRAME_KIND);
    Fcr.repeatContact().writeTo(w);
    w.putSignedLong(Long.MIN_VALUE).putSignedLong(T.toEpochMilli());
    w.putVarLong(1).putVarLong(0).putVarLong(0).putVarLong(0).putVarLong(0).putVarLong(0)
        .putVarLong(0).putVarLong(1);
    byte[] head = w.finish();
    byte[] body = Arrays.copyOf(head, head.length - 4);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(body);
    out.write(keyUtf8.length);
    out.writeBytes(keyUtf8);
    FrameWriter tail = FrameWriter.begin(1);
    tail.putSignedLong(KeyState.NONE).putSignedLong(KeyState.NONE).putVarLong(0).putVarLong(1)
        .putSignedLong(T.toEpochMilli() << 1);
    byte[] t = tail.finish();
    out.write(t, 4, t.length - 8); // the fields without the other frame's header and CRC
    return withCrc(out.toByteArray());
  }

  @Test
  void corruptHeadersChecksumsAndKindsAreCodecExceptions() {
    byte[] good = sample().toBytes();
    byte[] magic = good.clone();
    magic[0] = 0x00;
    unreadable(magic, "not a cxkpi frame: magic is 0x0058");
    byte[] version = good.clone();
    version[2] = 9;
    unreadable(version, "unsupported format version 9");
    refused(CodecException.class, () -> Fcr.repeatContactFromBytes(Fcr.surveyAggregator()
        .toBytes()), "expected a frame of kind 6", "found kind 5");
    byte[] flipped = good.clone();
    flipped[good.length / 2] ^= 0x10;
    refused(CodecException.class, () -> Fcr.repeatContactFromBytes(flipped),
        "checksum mismatch", "of " + good.length + " bytes");
    refused(CodecException.class, () -> fromStream(flipped));
    refused(NullPointerException.class, () -> Fcr.repeatContactFromBytes(null), "bytes is null");
    refused(NullPointerException.class, () -> Fcr.repeatContactFromStream(null), "in is null");
  }

  @Test
  void truncatedAndExtendedInputsAreCodecExceptions() {
    byte[] good = sample().toBytes();
    for (int len = 0; len < good.length; len++) {
      byte[] cut = Arrays.copyOf(good, len);
      CodecException fromArray =
          assertThrows(CodecException.class, () -> Fcr.repeatContactFromBytes(cut), "len " + len);
      assertTrue(fromArray.getMessage().contains(len < 8 ? "truncated" : "checksum mismatch"),
          fromArray.getMessage());
      CodecException fromStream =
          assertThrows(CodecException.class, () -> fromStream(cut), "len " + len);
      assertTrue(fromStream.getMessage().contains("truncated"), fromStream.getMessage());
    }
    refused(CodecException.class,
        () -> Fcr.repeatContactFromBytes(Arrays.copyOf(good, good.length + 1)),
        "checksum mismatch");
  }

  @Test
  void aStreamIsReadToTheFrameEndAndNoFurther() throws IOException {
    byte[] good = sample().toBytes();
    byte[] two = Arrays.copyOf(good, good.length * 2 + 1);
    System.arraycopy(good, 0, two, good.length, good.length);
    two[two.length - 1] = 42;
    InputStream in = new ByteArrayInputStream(two);
    assertArrayEquals(good, Fcr.repeatContactFromStream(in).toBytes());
    assertArrayEquals(good, Fcr.repeatContactFromStream(in).toBytes());
    assertEquals(42, in.read());
    assertEquals(-1, in.read());
  }

  @Test
  void lengthFieldsLargerThanTheInputAreRefusedWithoutAllocating() {
    FrameWriter w = FrameWriter.begin(Fcr.REPEAT_FRAME_KIND);
    Fcr.repeatContact().writeTo(w);
    w.putSignedLong(Long.MIN_VALUE).putSignedLong(Long.MIN_VALUE);
    for (int i = 0; i < 7; i++) {
      w.putVarLong(0);
    }
    w.putVarLong(Long.MAX_VALUE); // a key count no input could hold
    byte[] huge = w.finish();
    refused(CodecException.class, () -> Fcr.repeatContactFromBytes(huge),
        "field 'keys'", "declares content of at least 9223372036854775807 bytes", "remain");
    // A stream has no known end: it reads on (the checksum bytes as a key) and fails there.
    refused(CodecException.class, () -> fromStream(huge), "field 'key'");
    // A string length beyond the input.
    byte[] shortKey = oneKeyFrame("abc".getBytes(StandardCharsets.UTF_8));
    int at = indexOf(shortKey, (byte) 3, "abc".getBytes(StandardCharsets.UTF_8));
    byte[] longer = Arrays.copyOf(shortKey, shortKey.length - 4);
    longer[at] = 120;
    unreadable(withCrc(longer), "field 'key'");
    // A string length beyond the codec's cap.
    byte[] capped = Arrays.copyOf(shortKey, shortKey.length - 4);
    byte[] over = new byte[capped.length + 1];
    System.arraycopy(capped, 0, over, 0, at);
    over[at] = (byte) 0x81; // 4097 as a varint: 0x81 0x20
    over[at + 1] = 0x20;
    System.arraycopy(capped, at + 1, over, at + 2, capped.length - at - 1);
    unreadable(withCrc(over), "field 'key'", "value 4097 outside 0..4096");
  }

  private static int indexOf(byte[] bytes, byte length, byte[] content) {
    for (int i = 0; i + content.length < bytes.length; i++) {
      if (bytes[i] == length
          && Arrays.equals(Arrays.copyOfRange(bytes, i + 1, i + 1 + content.length), content)) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }

  @Test
  void keysThatCouldNotHaveBeenWrittenAreRefused() {
    // Sanity: the crafted frame is readable with a good key.
    assertEquals(1, Fcr.repeatContactFromBytes(oneKeyFrame(new byte[] {'k'})).pendingKeys());
    // Malformed UTF-8 and an encoded lone surrogate (CESU-8 style): never replaced.
    unreadable(oneKeyFrame(new byte[] {'k', (byte) 0xC3}), "field 'key'", "malformed UTF-8");
    unreadable(oneKeyFrame(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}), "field 'key'",
        "malformed UTF-8");
    unreadable(oneKeyFrame(new byte[] {' '}), "field 'key'", "blank key");
  }

  @Test
  void inconsistentStateIsACodecException() {
    FrameWriter w = FrameWriter.begin(Fcr.REPEAT_FRAME_KIND);
    Fcr.repeatContact().writeTo(w);
    long code = T.toEpochMilli() << 1;
    w.putSignedLong(T.toEpochMilli() + 1000).putSignedLong(T.toEpochMilli());
    w.putVarLong(1).putVarLong(0).putVarLong(0).putVarLong(0).putVarLong(0).putVarLong(0)
        .putVarLong(0);
    w.putVarLong(1).putString("k").putSignedLong(code).putSignedLong(code)
        .putVarLong(KeyState.EPISODE_OPEN | KeyState.PREV_OPEN).putVarLong(0);
    unreadable(w.finish(), "field 'episodesOpen'", "declares 0 open episodes, keys hold 1");
    // A DUPLICATE-mode field in a reader's range check: duplicates above the undecided contacts.
    FrameWriter d = FrameWriter.begin(Fcr.REPEAT_FRAME_KIND);
    Fcr.repeatContact().withSameInstant(SameInstantContacts.DUPLICATE).writeTo(d);
    d.putSignedLong(Long.MIN_VALUE).putSignedLong(Long.MIN_VALUE);
    d.putVarLong(2).putVarLong(0).putVarLong(1).putVarLong(0).putVarLong(0).putVarLong(0)
        .putVarLong(0).putVarLong(5).putVarLong(0);
    unreadable(d.finish(), "field 'duplicates'", "value 5 outside 0..1");
  }
}
