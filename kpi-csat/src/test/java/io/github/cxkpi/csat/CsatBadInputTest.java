package io.github.cxkpi.csat;

import io.github.cxkpi.csat.internal.CsatCodec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.codec.CodecException;
import io.github.cxkpi.codec.FrameWriter;
import org.junit.jupiter.api.Test;

class CsatBadInputTest {

  @Test
  void offScaleScoresNameTheScoreAndTheScale() {
    CsatAggregator a = Csat.aggregator();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.add(6));
    assertTrue(e.getMessage().startsWith("score 6 is outside the scale 1..5"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> a.addAll(1, 2, 0));
    assertThrows(IllegalArgumentException.class, () -> Csat.recorder(Csat.definition()).record(9));
    assertTrue(a.isEmpty());
  }

  @Test
  void badWeightsAndDefinitions() {
    CsatAggregator a = Csat.aggregator();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> a.add(5, Double.NaN));
    assertEquals("weight must be finite and positive, was NaN", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Csat.onScale(1, 5).withSatisfiedFrom(1));
    assertTrue(e.getMessage().contains("scaleMin < satisfiedMin <= scaleMax"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Csat.onScale(5, 5));
    assertThrows(NullPointerException.class, () -> Csat.aggregator(null));
  }

  @Test
  void mergeRefusesAnotherDefinition() {
    CsatAggregator a = Csat.aggregator();
    CsatAggregator b = Csat.aggregator(Csat.onScale(1, 5).withTopBoxes(1)).add(5);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.merge(b));
    assertTrue(e.getMessage().contains("satisfiedMin=4") && e.getMessage().contains("satisfiedMin=5"));
    assertTrue(a.isEmpty());
  }

  @Test
  void bytesOfAnotherKindOrWithABadDefinition() {
    byte[] nps = FrameWriter.begin(2).finish();
    CodecException e = assertThrows(CodecException.class, () -> Csat.fromBytes(nps));
    assertTrue(e.getMessage().contains("found kind 2"), e.getMessage());
    FrameWriter w = FrameWriter.begin(CsatCodec.FRAME_KIND).putString("csat").putSignedInt(1)
        .putSignedInt(5).putSignedInt(9).putVarLong(0).putVarLong(30);
    e = assertThrows(CodecException.class, () -> Csat.fromBytes(w.finish()));
    assertTrue(e.getMessage().contains("satisfied threshold"), e.getMessage());
  }

  @Test
  void theLongestQuestionIsWrittenAndReadBackAndLongerOnesAreRefusedUpFront() {
    io.github.cxkpi.testing.RatingLimits.assertQuestionLimits(q -> Csat.aggregator(Csat.definition().withQuestion(q)), Csat::fromBytes);
  }
}
