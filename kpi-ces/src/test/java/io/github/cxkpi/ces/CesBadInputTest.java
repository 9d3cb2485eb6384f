package io.github.cxkpi.ces;

import io.github.cxkpi.ces.internal.CesCodec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.codec.CodecException;
import io.github.cxkpi.codec.FrameWriter;
import io.github.cxkpi.event.SurveyResponse;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Bad input at CES's entry points: the documented exception, naming the problem. */
class CesBadInputTest {

  @Test
  void offScaleScoresNameTheScoreAndTheScale() {
    CesAggregator a = Ces.aggregator();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.add(0));
    assertTrue(e.getMessage().startsWith("score 0 is outside the scale 1..7"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> a.addAll(7, 8));
    assertThrows(IllegalArgumentException.class, () -> a.addAll(IntStream.of(1, 9)));
    SurveyResponse eight = SurveyResponse.builder("c", Instant.EPOCH).question("ces").score(8)
        .build();
    assertThrows(IllegalArgumentException.class, () -> a.accept(eight));
    assertThrows(IllegalArgumentException.class, () -> Ces.recorder(Ces.v1()).record(6));
    assertTrue(a.isEmpty(), "nothing was recorded");
  }

  @Test
  void badWeightsNullsAndDefinitions() {
    CesAggregator a = Ces.aggregator();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> a.add(5, -1));
    assertEquals("weight must be finite and positive, was -1.0", e.getMessage());
    assertThrows(NullPointerException.class, () -> a.merge(null));
    assertThrows(NullPointerException.class, () -> Ces.fromBytes(null));
    assertThrows(IllegalArgumentException.class, () -> Ces.v2().withDifficult(4, 6));
    assertThrows(IllegalArgumentException.class, () -> Ces.v1().withSmallSampleThreshold(-1));
  }

  @Test
  void bytesOfAnotherKindOrWithABadDefinition() {
    CodecException e = assertThrows(CodecException.class,
        () -> Ces.fromBytes(FrameWriter.begin(3).finish()));
    assertTrue(e.getMessage().contains("found kind 3"), e.getMessage());
    FrameWriter w = FrameWriter.begin(CesCodec.FRAME_KIND).putString("ces").putSignedInt(1)
        .putSignedInt(7).putVarLong(0).putSignedInt(1).putSignedInt(3).putSignedInt(5)
        .putSignedInt(7).putVarLong(0).putVarLong(30);
    e = assertThrows(CodecException.class, () -> Ces.fromBytes(w.finish()));
    assertTrue(e.getMessage().contains("good side"), e.getMessage());
  }

  @Test
  void theLongestQuestionIsWrittenAndReadBackAndLongerOnesAreRefusedUpFront() {
    io.github.cxkpi.testing.RatingLimits.assertQuestionLimits(q -> Ces.aggregator(Ces.v2().withQuestion(q)), Ces::fromBytes);
  }
}
