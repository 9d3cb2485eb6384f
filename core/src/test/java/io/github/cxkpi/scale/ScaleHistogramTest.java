package io.github.cxkpi.scale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.codec.CodecException;
import io.github.cxkpi.codec.FrameWriter;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ScaleHistogramTest {

  @Test
  void countsAndWeightsPerPoint() {
    ScaleHistogram h = ScaleHistogram.of(1, 5);
    h.addAll(new int[] {5, 5, 4, 1});
    h.add(3, 2.5);
    h.add(3);
    assertEquals(2, h.count(5));
    assertEquals(2, h.count(3));
    assertEquals(3.5, h.weight(3));
    assertEquals(7.25, h.weightSquares(3));
    assertEquals(6, h.totalCount());
    assertEquals(7.5, h.totalWeight());
    assertTrue(h.isWeighted());
    h.reset();
    assertTrue(h.isEmpty());
    assertFalse(h.isWeighted());
  }

  @Test
  void offScaleScoresAreRefusedWithTheScoreAndTheScale() {
    ScaleHistogram h = ScaleHistogram.of(0, 10);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> h.add(11));
    assertEquals("score 11 is outside the scale 0..10", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> h.add(-1, 2.0));
    assertThrows(IllegalArgumentException.class, () -> h.count(12));
  }

  @Test
  void bulkAddIsFailureAtomic() {
    ScaleHistogram h = ScaleHistogram.of(0, 10);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> h.addAll(new int[] {1, 2, 3, 42, 4}));
    assertTrue(e.getMessage().contains("score 42 at index 3"), e.getMessage());
    assertTrue(h.isEmpty());
    assertThrows(IllegalArgumentException.class, () -> h.addAll(IntStream.of(1, 2, -5)));
    assertTrue(h.isEmpty());
  }

  @Test
  void badWeightsAreRefusedWithTheValue() {
    ScaleHistogram h = ScaleHistogram.of(0, 10);
    for (double w : new double[] {Double.NaN, Double.POSITIVE_INFINITY, -1, 0}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> h.add(5, w));
      assertEquals("weight must be finite and positive, was " + w, e.getMessage());
    }
    assertTrue(h.isEmpty());
  }

  @Test
  void badScalesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> ScaleHistogram.of(5, 5));
    assertThrows(IllegalArgumentException.class, () -> ScaleHistogram.of(0, 5000));
    assertThrows(IllegalArgumentException.class,
        () -> ScaleHistogram.of(Integer.MIN_VALUE, Integer.MAX_VALUE));
  }

  @Test
  void countsNeverWrap() {
    ScaleHistogram big = ScaleHistogram.of(0, 1);
    // Build a histogram whose count of point 0 is Long.MAX_VALUE through the codec.
    byte[] bytes = FrameWriter.begin(ScaleHistogram.FRAME_KIND).putSignedInt(0).putSignedInt(1)
        .putBoolean(false).putVarLong(Long.MAX_VALUE).putVarLong(0).finish();
    ScaleHistogram full = ScaleHistogram.fromBytes(bytes);
    assertThrows(ArithmeticException.class, () -> full.add(0));
    assertEquals(Long.MAX_VALUE, full.count(0));
    big.add(0);
    assertThrows(ArithmeticException.class, () -> big.merge(full));
    assertEquals(1, big.count(0), "failure-atomic merge");
    assertThrows(ArithmeticException.class, () -> full.addAll(new int[] {0, 1}));
    assertEquals(0, full.count(1), "failure-atomic bulk add");
  }

  @Test
  void mergeRefusesOtherScales() {
    ScaleHistogram a = ScaleHistogram.of(0, 10);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> a.merge(ScaleHistogram.of(1, 10)));
    assertEquals("cannot merge a histogram of scale 1..10 into one of 0..10", e.getMessage());
    a.add(3);
    a.merge(a);
    assertEquals(2, a.count(3));
  }

  @Test
  void absurdDeclaredSizesAreRejectedBeforeAllocation() {
    byte[] huge = FrameWriter.begin(ScaleHistogram.FRAME_KIND).putSignedInt(0)
        .putSignedInt(Integer.MAX_VALUE).putBoolean(false).finish();
    CodecException e = assertThrows(CodecException.class, () -> ScaleHistogram.fromBytes(huge));
    assertTrue(e.getMessage().contains("must have 2 to 1001 points"), e.getMessage());
    byte[] claims = FrameWriter.begin(ScaleHistogram.FRAME_KIND).putSignedInt(0)
        .putSignedInt(1000).putBoolean(true).putVarLong(1).finish();
    e = assertThrows(CodecException.class, () -> ScaleHistogram.fromBytes(claims));
    assertTrue(e.getMessage().contains("only 1 remain"), e.getMessage());
    byte[] trailing = FrameWriter.begin(ScaleHistogram.FRAME_KIND).putSignedInt(0)
        .putSignedInt(1).putBoolean(false).putVarLong(1).putVarLong(2).putVarLong(3).finish();
    e = assertThrows(CodecException.class, () -> ScaleHistogram.fromBytes(trailing));
    assertTrue(e.getMessage().contains("trailing"), e.getMessage());
    byte[] inconsistent = FrameWriter.begin(ScaleHistogram.FRAME_KIND).putSignedInt(0)
        .putSignedInt(1).putBoolean(true).putVarLong(1).putVarLong(0)
        .putVarLong(5).putDouble(1).putDouble(0).putDouble(1).putDouble(0)
        .putVarLong(0).putDouble(0).putDouble(0).putDouble(0).putDouble(0).finish();
    e = assertThrows(CodecException.class, () -> ScaleHistogram.fromBytes(inconsistent));
    assertTrue(e.getMessage().contains("weighted count of point 0"), e.getMessage());
  }

  @Test
  void aHistogramOfAnotherKindIsRejected() {
    byte[] other = FrameWriter.begin(2).putSignedInt(0).finish();
    CodecException e = assertThrows(CodecException.class, () -> ScaleHistogram.fromBytes(other));
    assertTrue(e.getMessage().contains("found kind 2"), e.getMessage());
  }

  @Test
  void copyIsIndependent() {
    ScaleHistogram a = ScaleHistogram.of(0, 3);
    a.add(1, 2.0);
    ScaleHistogram b = a.copy();
    b.add(1);
    assertArrayEquals(new long[] {0, 1, 0, 0}, a.counts());
    assertArrayEquals(new long[] {0, 2, 0, 0}, b.counts());
    assertEquals(a, a.copy());
  }
}
