package io.github.cxkpi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand check of integer fields accepts exactly what the documented pattern accepts. */
class IntegerFieldTest {
  @Test
  void agreesWithThePattern() {
    SplittableRandom rnd = new SplittableRandom(5);
    String alphabet = "0123456789+- a\u0660x";
    for (int i = 0; i < 200_000; i++) {
      StringBuilder b = new StringBuilder();
      int n = rnd.nextInt(13);
      for (int k = 0; k < n; k++) {
        b.append(alphabet.charAt(rnd.nextInt(rnd.nextInt(4) == 0 ? alphabet.length() : 12)));
      }
      String s = b.toString();
      assertEquals(InteractionReader.INTEGER.matcher(s).matches(),
          InteractionReader.isInteger(s), s);
    }
    for (String s : new String[] {"", "+", "-", "0", "-0", "+12", "1234567890", "12345678901",
        "+1234567890", "٣"}) {
      assertEquals(InteractionReader.INTEGER.matcher(s).matches(),
          InteractionReader.isInteger(s), s);
    }
  }
}
