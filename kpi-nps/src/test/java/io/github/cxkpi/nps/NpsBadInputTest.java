package io.github.cxkpi.nps;

import io.github.cxkpi.nps.internal.NpsCodec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.codec.CodecException;
import io.github.cxkpi.codec.FrameWriter;
import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.scale.OutOfRangePolicy;
import io.github.cxkpi.scale.RatingRecorder;
import io.github.cxkpi.scale.ScaleHistogram;
import io.github.cxkpi.scale.ScaleHistogramCodec;
import java.time.Instant;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input at every public entry point: the documented exception, naming the problem. */
class NpsBadInputTest {

  private static void assertMessage(Class<? extends Throwable> type, String part, Executable e) {
    Throwable t = assertThrows(type, e);
    assertTrue(String.valueOf(t.getMessage()).contains(part),
        "message '" + t.getMessage() + "' should contain '" + part + "'");
  }

  @Test
  void offScaleScores() {
    String msg = "score 11 is outside the scale 0..10";
    NpsAggregator a = Nps.aggregator();
    assertMessage(IllegalArgumentException.class, msg, () -> a.add(11));
    assertMessage(IllegalArgumentException.class, "score 11 at index 1", () -> a.addAll(3, 11));
    assertMessage(IllegalArgumentException.class, msg, () -> a.add(11, 2.0));
    assertMessage(IllegalArgumentException.class, "score -1",
        () -> a.addAll(IntStream.of(-1)));
    assertMessage(IllegalArgumentException.class, msg, () -> a.accept(
        SurveyResponse.builder("c", Instant.EPOCH).score(11).build()));
    RatingRecorder<NpsAggregator> r = Nps.recorder();
    assertMessage(IllegalArgumentException.class, msg, () -> r.record(11));
    assertMessage(IllegalArgumentException.class, msg,
        () -> Stream.of(5, 11).collect(Nps.scoreCollector()));
    assertTrue(a.isEmpty(), "nothing was recorded");
    assertTrue(r.intervalSnapshot().isEmpty());
  }

  @Test
  void offScaleScoresCountedAsRejectedByPolicy() {
    NpsAggregator a = Nps.aggregator(
        Nps.definition().withOutOfRangePolicy(OutOfRangePolicy.COUNT_AS_REJECTED));
    a.addAll(10, 11, -3, 5).add(99, 2.0);
    NpsResult r = a.result();
    assertEquals(3, r.rejected());
    assertEquals(2, r.n());
    assertEquals(0, r.score(), 1e-12);
  }

  @Test
  void badWeights() {
    NpsAggregator a = Nps.aggregator();
    for (double w : new double[] {Double.NaN, -1, Double.NEGATIVE_INFINITY, 0}) {
      assertMessage(IllegalArgumentException.class, "weight must be finite and positive, was " + w,
          () -> a.add(9, w));
      assertMessage(IllegalArgumentException.class, "weight must be finite and positive, was " + w,
          () -> a.addBlank(w));
    }
    assertTrue(a.isEmpty());
  }

  @Test
  void nulls() {
    NpsAggregator a = Nps.aggregator();
    assertThrows(NullPointerException.class, () -> a.accept((SurveyResponse) null));
    assertThrows(NullPointerException.class, () -> a.merge(null));
    assertThrows(NullPointerException.class, () -> a.addAll((int[]) null));
    assertThrows(NullPointerException.class, () -> Nps.fromBytes(null));
    assertThrows(NullPointerException.class, () -> Nps.aggregator(null));
    assertThrows(NullPointerException.class, () -> Stream.of(1, null).collect(Nps.scoreCollector()));
    assertThrows(NullPointerException.class, () -> Nps.recorder().record(null));
  }

  @Test
  void mergeOfDifferentDefinitionsNamesBoth() {
    NpsAggregator a = Nps.aggregator();
    NpsAggregator b = Nps.aggregator(Nps.definition().withScale(1, 10));
    b.add(10);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.merge(b));
    assertTrue(e.getMessage().contains("scaleMin=0") && e.getMessage().contains("scaleMin=1"),
        e.getMessage());
    assertTrue(a.isEmpty(), "failure-atomic");
  }

  @Test
  void badDefinitions() {
    assertMessage(IllegalArgumentException.class, "passiveMin <= promoterMin",
        () -> Nps.definition().withBreaks(9, 7));
    assertMessage(IllegalArgumentException.class, "question must not be blank",
        () -> Nps.definition().withQuestion(" "));
    assertMessage(IllegalArgumentException.class, "smallSampleThreshold must be >= 0",
        () -> Nps.definition().withSmallSampleThreshold(-1));
  }

  @Test
  void bytesOfAnotherKind() {
    byte[] histogram = ScaleHistogram.of(0, 10).toBytes();
    assertMessage(CodecException.class, "expected a frame of kind 2 (NPS aggregator) but found kind 1",
        () -> Nps.fromBytes(histogram));
  }

  @Test
  void bytesWithTrailingData() {
    byte[] ok = Nps.aggregator().add(3).toBytes();
    // Re-frame the same payload plus two bytes, with a valid checksum.
    FrameWriter w = FrameWriter.begin(NpsCodec.FRAME_KIND);
    NpsCodec.INSTANCE.write(Nps.definition(), w);
    ScaleHistogramCodec.write(Nps.aggregator().add(3).histogram(), w);
    ScaleHistogramCodec.write(ScaleHistogram.of(0, 1), w);
    w.putVarLong(0).putVarLong(7).putVarLong(7);
    byte[] trailing = w.finish();
    assertEquals(ok.length + 2, trailing.length);
    assertMessage(CodecException.class, "2 trailing bytes", () -> Nps.fromBytes(trailing));
  }

  @Test
  void bytesDeclaringAbsurdSizes() {
    // A question string claiming 4,000 bytes, a scale of 2^31 points, a count beyond the cap:
    // each is refused before anything is allocated for it.
    byte[] longString = FrameWriter.begin(NpsCodec.FRAME_KIND).putVarLong(4000).finish();
    assertMessage(CodecException.class, "declares content of at least 4000 bytes",
        () -> Nps.fromBytes(longString));
    byte[] hugeString = FrameWriter.begin(NpsCodec.FRAME_KIND).putVarLong(Integer.MAX_VALUE).finish();
    assertMessage(CodecException.class, "outside 0..4096", () -> Nps.fromBytes(hugeString));
    FrameWriter w = FrameWriter.begin(NpsCodec.FRAME_KIND);
    NpsCodec.INSTANCE.write(Nps.definition(), w);
    w.putSignedInt(0).putSignedInt(Integer.MAX_VALUE);
    byte[] hugeScale = w.finish();
    assertMessage(CodecException.class, "must have 2 to 1001 points",
        () -> Nps.fromBytes(hugeScale));
    FrameWriter w2 = FrameWriter.begin(NpsCodec.FRAME_KIND);
    NpsCodec.INSTANCE.write(Nps.definition(), w2);
    w2.putSignedInt(0).putSignedInt(1000).putBoolean(false);
    byte[] wrongScale = w2.finish();
    assertMessage(CodecException.class, "only 0 remain", () -> Nps.fromBytes(wrongScale));
    FrameWriter w3 = FrameWriter.begin(NpsCodec.FRAME_KIND);
    NpsCodec.INSTANCE.write(Nps.definition().withBreaks(7, 9), w3);
    ScaleHistogramCodec.write(ScaleHistogram.of(1, 10), w3);
    ScaleHistogramCodec.write(ScaleHistogram.of(0, 1), w3);
    w3.putVarLong(0);
    byte[] mismatch = w3.finish();
    assertMessage(CodecException.class, "does not match the definition's 0..10",
        () -> Nps.fromBytes(mismatch));
  }

  @Test
  void theLongestQuestionIsWrittenAndReadBackAndLongerOnesAreRefusedUpFront() {
    io.github.cxkpi.testing.RatingLimits.assertQuestionLimits(q -> Nps.aggregator(Nps.definition().withQuestion(q)), Nps::fromBytes);
  }
}
