package io.github.cxkpi.drivers;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.codec.CodecException;
import io.github.cxkpi.codec.FrameWriter;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Frames with a valid checksum but inconsistent content: each is named in the exception. */
class DriverBadFramesTest {
  private static final DriverDefinition TWO = Drivers.outcome("nps", 0, 10)
      .withFactors(1, 5, "helpfulness", "value");

  private static byte[] frame(Consumer<FrameWriter> payload) {
    FrameWriter w = FrameWriter.begin(Drivers.FRAME_KIND);
    payload.accept(w);
    return w.finish();
  }

  private static void assertRejected(String expected, byte[] bytes) {
    CodecException e = assertThrows(CodecException.class, () -> Drivers.fromBytes(bytes));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  /** No moments, no counts, then the pending respondents as written by the body. */
  private static byte[] pending(int count, Consumer<FrameWriter> respondents) {
    return frame(w -> {
      TWO.write(w);
      w.putVarLong(0).putVarLong(0).putVarLong(0).putVarLong(count);
      respondents.accept(w);
    });
  }

  @Test
  void aValidHandMadeFrameDecodes() {
    Drivers.fromBytes(pending(1, w -> w.putString("c").putBoolean(true).putString("r")
        .putVarLong(0b100).putVarLong(0).putSignedInt(7).putDouble(1)));
  }

  @Test
  void inconsistentFramesAreNamed() {
    assertRejected("factor count", frame(w -> {
      TWO.outcome().write(w);
      w.putVarLong(0);
    }));
    assertRejected("appears twice", frame(w -> {
      TWO.outcome().write(w);
      w.putVarLong(1);
      TWO.outcome().write(w);
      w.putString("response_id").putVarLong(0).putVarLong(0).putVarLong(0).putVarLong(30);
    }));
    assertRejected("mean 0", frame(w -> {
      TWO.write(w);
      w.putVarLong(1).putDouble(1).putDouble(1).putDouble(9).putDouble(3).putDouble(5);
      for (int i = 0; i < 6; i++) {
        w.putDouble(0);
      }
    }));
    assertRejected("weight square sum", frame(w -> {
      TWO.write(w);
      w.putVarLong(1).putDouble(1).putDouble(4).putDouble(3).putDouble(3).putDouble(5);
      for (int i = 0; i < 6; i++) {
        w.putDouble(0);
      }
    }));
    assertRejected("a complete respondent is never held", pending(1, w -> w.putString("c")
        .putBoolean(true).putString("r").putVarLong(0b111).putVarLong(0b111).putDouble(1)));
    assertRejected("marks a question not answered", pending(1, w -> w.putString("c")
        .putBoolean(true).putString("r").putVarLong(0b001).putVarLong(0b010)));
    assertRejected("score of 'nps'", pending(1, w -> w.putString("c").putBoolean(true)
        .putString("r").putVarLong(0b100).putVarLong(0).putSignedInt(11).putDouble(1)));
    assertRejected("not in strictly ascending order", pending(2, w -> {
      for (String c : new String[] {"b", "a"}) {
        w.putString(c).putBoolean(true).putString("r").putVarLong(0b001).putVarLong(0)
            .putSignedInt(3).putDouble(1);
      }
    }));
    assertRejected("instant seconds", pending(1, w -> w.putString("c").putBoolean(false)
        .putSignedLong(-5).putVarLong(0).putVarLong(0b001).putVarLong(0).putSignedInt(3)));
    assertRejected("pending respondents", pending(1_000_000, w -> { }));
    assertRejected("weight", pending(1, w -> w.putString("c").putBoolean(true).putString("r")
        .putVarLong(0b100).putVarLong(0).putSignedInt(7).putDouble(0)));
  }
}
