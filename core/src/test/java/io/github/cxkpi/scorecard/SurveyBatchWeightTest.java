package io.github.cxkpi.scorecard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.cxkpi.event.Channel;
import org.junit.jupiter.api.Test;

/**
 * A batch keeps weight 1 implicit until some row has another weight, whichever way a row is
 * added, and then reads every row's weight as given.
 */
class SurveyBatchWeightTest {
  @Test
  void weightOneGivenExplicitlyAllocatesNoWeights() {
    SurveyBatch b = SurveyBatch.create();
    int p = b.profile(Channel.WEB);
    int q = b.question("csat");
    b.add(p, 0, q, 4, 1.0).addBlank(p, 1, q, 1.0).add(p, 2, q, 5);
    assertNull(b.weightsOrNull(), "weight 1 stays implicit");
    b.add(p, 3, q, 3, 2.5).add(p, 4, q, 2, 1.0).add(p, 5, q, 1).addBlank(p, 6, q);
    double[] w = b.weightsOrNull();
    assertArrayEquals(new double[] {1, 1, 1, 2.5, 1, 1, 1},
        java.util.Arrays.copyOf(w, b.size()));
    for (int i = 0; i < b.size(); i++) {
      assertEquals(w[i], b.weightAt(i), "row " + i);
    }
    b.clear().add(p, 7, q, 4, 1.0);
    assertNull(b.weightsOrNull(), "a cleared batch starts without weights");
    assertEquals(1.0, b.weightAt(0));
  }
}
