package io.github.cxkpi.fcr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.codec.CodecException;
import io.github.cxkpi.codec.FrameWriter;
import io.github.cxkpi.event.ServiceContact;
import io.github.cxkpi.testing.Frames;
import io.github.cxkpi.testing.Seeds;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input for repeat-contact FCR: the documented exceptions, nothing lost. */
class FcrBadInputTest {
  private static final Instant T = Instant.parse("2026-04-01T12:00:00Z");

  private static void message(Class<? extends Throwable> type, String part, Executable e) {
    Throwable t = assertThrows(type, e);
    assertTrue(String.valueOf(t.getMessage()).contains(part),
        "'" + t.getMessage() + "' should contain '" + part + "'");
  }

  @Test
  void nullAndBlankKeys() {
    RepeatContactAggregator a = Fcr.repeatContactAggregator();
    message(NullPointerException.class, "key is null", () -> a.add(null, T, true));
    message(IllegalArgumentException.class, "key must not be blank, was ' '",
        () -> a.add(" ", T, true));
    message(NullPointerException.class, "contact is null", () -> a.accept(null));
    RepeatContactAggregator cases = Fcr.repeatContactAggregator(Fcr.caseBased());
    message(IllegalArgumentException.class, "has no caseId, which the key CASE requires",
        () -> cases.accept(ServiceContact.builder("c1", T).build()));
    assertTrue(a.isEmpty());
    assertTrue(cases.isEmpty());
  }

  @Test
  void instantsFarInThePastOrFuture() {
    RepeatContactAggregator a = Fcr.repeatContactAggregator();
    message(IllegalArgumentException.class, "is outside the accepted range",
        () -> a.add("k", Instant.parse("1969-12-31T23:59:59Z"), false));
    message(IllegalArgumentException.class, "contact instant +1000000000-12-31T23:59:59.999999999Z",
        () -> a.add("k", Instant.MAX, false));
    message(IllegalArgumentException.class, "2200-01-01T00:00:00Z is outside",
        () -> a.add("k", Instant.parse("2200-01-01T00:00:00Z"), false));
    message(NullPointerException.class, "contact instant is null", () -> a.add("k", null, false));
    assertTrue(a.isEmpty(), "the watermark did not jump");
    assertEquals(null, a.watermark());
  }

  @Test
  void aWatermarkThatMovesBackwards() {
    RepeatContactAggregator a =
        Fcr.repeatContactAggregator(Fcr.repeatContact().withDerivedWatermark(false));
    a.add("k", T, false);
    a.advanceWatermark(T.plusSeconds(10));
    message(IllegalArgumentException.class, "watermark must not move backwards",
        () -> a.advanceWatermark(T));
    assertEquals(T.plusSeconds(10), a.watermark());
    assertEquals(1, a.result().contacts());
    // A contact at or below the watermark is late: counted, nothing else changes.
    assertEquals(false, a.add("k", T.plusSeconds(10), false));
    assertEquals(1, a.result().lateContacts());
    assertEquals(1, a.result().contacts());
  }

  @Test
  void badDefinitions() {
    message(IllegalArgumentException.class, "window must be between 1 ms and PT8784H",
        () -> Fcr.repeatContact().withWindow(Duration.ZERO));
    message(IllegalArgumentException.class, "allowedLateness must be between 0",
        () -> Fcr.repeatContact().withAllowedLateness(Duration.ofSeconds(-1)));
  }

  @Test
  void mergeRefusesSharedKeysAndOtherDefinitions() {
    RepeatContactAggregator a = Fcr.repeatContactAggregator();
    RepeatContactAggregator b = Fcr.repeatContactAggregator();
    a.add("shared", T, true);
    b.add("shared", T.plusSeconds(5), true);
    b.add("other", T, true);
    message(IllegalArgumentException.class, "both hold key 'shared'", () -> a.merge(b));
    assertEquals(1, a.result().contacts(), "failure-atomic");
    message(IllegalArgumentException.class, "different definitions",
        () -> a.merge(Fcr.repeatContactAggregator(Fcr.caseBased())));
    message(IllegalArgumentException.class, "with itself", () -> a.merge(a));
  }

  @Test
  void corruptBytes() {
    Seeds.forEach(3, rnd -> {
      RepeatContactAggregator a = Fcr.repeatContactAggregator();
      for (int i = 0; i < 20; i++) {
        a.add("k" + rnd.nextInt(8), T.plusSeconds(rnd.nextInt(100_000)), rnd.nextBoolean());
      }
      byte[] bytes = a.toBytes();
      for (int i = 0; i < bytes.length; i++) {
        byte[] changed = bytes.clone();
        changed[i] ^= (byte) (1 + rnd.nextInt(255));
        CodecException e = assertThrows(CodecException.class,
            () -> Fcr.repeatContactFromBytes(changed), "byte " + i);
        assertNotNull(e.getMessage());
      }
      for (int len = 0; len < bytes.length; len++) {
        byte[] cut = Arrays.copyOf(bytes, len);
        assertThrows(CodecException.class, () -> Fcr.repeatContactFromBytes(cut), "len " + len);
      }
      assertThrows(CodecException.class,
          () -> Fcr.repeatContactFromBytes(Arrays.copyOf(bytes, bytes.length + 3)));
      // Damage the checksum cannot see: the decoder's own checks must catch it, or the state
      // decoded must be usable.
      for (int trial = 0; trial < 2000; trial++) {
        byte[] mutated = Frames.mutatePayload(bytes, rnd);
        try {
          RepeatContactAggregator b = Fcr.repeatContactFromBytes(mutated);
          b.result();
          b.add("k1", T.plusSeconds(200_000), true);
          b.endOfInput();
          b.result();
        } catch (CodecException expected) {
          assertNotNull(expected.getMessage());
        }
      }
    });
  }

  @Test
  void bytesDeclaringAbsurdOrInconsistentState() {
    FrameWriter w = FrameWriter.begin(Fcr.REPEAT_FRAME_KIND);
    Fcr.repeatContact().writeTo(w);
    w.putSignedLong(Long.MIN_VALUE).putSignedLong(Long.MIN_VALUE);
    for (int i = 0; i < 7; i++) {
      w.putVarLong(0);
    }
    w.putVarLong(Long.MAX_VALUE >> 4); // a key count no frame could hold
    message(CodecException.class, "declares content of at least",
        () -> Fcr.repeatContactFromBytes(w.finish()));
    // One key claiming an open episode that the counters do not know.
    FrameWriter w2 = FrameWriter.begin(Fcr.REPEAT_FRAME_KIND);
    Fcr.repeatContact().writeTo(w2);
    long code = T.toEpochMilli() << 1;
    w2.putSignedLong(T.toEpochMilli() + 1000).putSignedLong(T.toEpochMilli());
    w2.putVarLong(1).putVarLong(0).putVarLong(0).putVarLong(0).putVarLong(0).putVarLong(0)
        .putVarLong(0);
    w2.putVarLong(1).putString("k").putSignedLong(code).putSignedLong(code)
        .putVarLong(KeyState.EPISODE_OPEN | KeyState.PREV_OPEN).putVarLong(0);
    message(CodecException.class, "declares 0 open episodes, keys hold 1",
        () -> Fcr.repeatContactFromBytes(w2.finish()));
    message(CodecException.class, "found kind 5",
        () -> Fcr.repeatContactFromBytes(Fcr.surveyAggregator().toBytes()));
  }

  @Test
  void theLongestQuestionIsWrittenAndReadBackAndLongerOnesAreRefusedUpFront() {
    io.github.cxkpi.testing.RatingLimits.assertQuestionLimits(q -> Fcr.surveyAggregator(Fcr.survey().withQuestion(q)), Fcr::surveyFromBytes);
  }
}
