package io.github.cxkpi.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.scale.RatingAggregator;
import java.util.function.Function;

/**
 * "Written, then readable" at a rating definition's limits: the longest question id a
 * definition takes is written and read back unchanged, and what could not be is refused when
 * the definition is made, never when its aggregator is written.
 */
public final class RatingLimits {
  private RatingLimits() {}

  /**
   * Checks the question id's limits of a KPI.
   *
   * @param withQuestion an aggregator of the KPI's default definition with another question
   * @param fromBytes the KPI's decoder
   */
  public static void assertQuestionLimits(Function<String, RatingAggregator<?, ?, ?>> withQuestion,
      Function<byte[], RatingAggregator<?, ?, ?>> fromBytes) {
    for (String longest : new String[] {"q".repeat(4096), "\u20ac".repeat(1365) + "q",
        "\uD83D\uDE00".repeat(1024)}) {
      RatingAggregator<?, ?, ?> a = withQuestion.apply(longest);
      byte[] bytes = a.toBytes();
      RatingAggregator<?, ?, ?> back = fromBytes.apply(bytes);
      assertEquals(longest, back.definition().question());
      assertArrayEquals(bytes, back.toBytes());
    }
    for (String bad : new String[] {"q".repeat(4097), "\u20ac".repeat(1366), "a\uD800b",
        "\uDC00"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> withQuestion.apply(bad));
      assertTrue(e.getMessage().startsWith("question must"), e.getMessage());
    }
  }
}
