package io.github.cxkpi.drivers;

import static io.github.cxkpi.drivers.DriverStreams.T0;
import static io.github.cxkpi.drivers.DriverStreams.answer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.scale.OutOfRangePolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Respondent grouping, partial respondents, duplicates, policies and degenerate data. */
class DriverAggregatorTest {
  private static final DriverDefinition TWO = Drivers.outcome("nps", 0, 10)
      .withFactors(1, 5, "helpfulness", "value");

  private static void answerAll(DriverAggregator a, String customer, String id, int at,
      int y, int h, int v) {
    a.accept(answer(customer, id, T0.plusSeconds(at), "nps", y, 1));
    a.accept(answer(customer, id, T0.plusSeconds(at), "helpfulness", h, 1));
    a.accept(answer(customer, id, T0.plusSeconds(at), "value", v, 1));
  }

  @Test
  void answersGroupByResponseIdElseByInstant() {
    DriverAggregator a = Drivers.aggregator(TWO);
    // one respondent by response id, answers at different instants
    a.accept(answer("c1", "r1", T0, "nps", 9, 1));
    a.accept(answer("c1", "r1", T0.plusSeconds(30), "helpfulness", 4, 1));
    assertEquals(1, a.pendingCount());
    a.accept(answer("c1", "r1", T0.plusSeconds(60), "value", 5, 1));
    assertEquals(0, a.pendingCount());
    assertEquals(1, a.count());
    // without the attribute: the instant is the survey instance
    a.accept(answer("c1", null, T0, "nps", 9, 1));
    a.accept(answer("c1", null, T0.plusSeconds(1), "helpfulness", 4, 1));
    assertEquals(2, a.pendingCount(), "different instants: different respondents");
    // the same customer in another survey (another response id) is another respondent
    a.accept(answer("c1", "r2", T0, "nps", 7, 1));
    assertEquals(3, a.pendingCount());
    assertFalse(a.accept(answer("c1", "r2", T0, "csat", 3, 1)), "not a question of this KPI");
    a.endOfInput();
    DriverResult r = a.result();
    assertEquals(3, r.incomplete(), "partial respondents are counted at the end, not dropped");
    assertEquals(0, r.pending());
    assertEquals(1, r.respondents());
  }

  @Test
  void anotherAttributeCanNameTheSurveyInstance() {
    DriverAggregator a = Drivers.aggregator(TWO.withResponseIdAttribute("survey_id"));
    a.accept(io.github.cxkpi.event.SurveyResponse.builder("c", T0).question("nps").score(3)
        .attribute("survey_id", "s").build());
    a.accept(io.github.cxkpi.event.SurveyResponse.builder("c", T0.plusSeconds(9))
        .question("value").score(3).attribute("survey_id", "s").build());
    assertEquals(1, a.pendingCount());
  }

  @Test
  void aBlankAnswerMakesTheRespondentIncomplete() {
    DriverAggregator a = Drivers.aggregator(TWO);
    a.accept(answer("c", "r", T0, "nps", 9, 1));
    a.accept(answer("c", "r", T0, "helpfulness", null, 1));
    a.accept(answer("c", "r", T0, "value", 2, 1));
    assertEquals(0, a.count());
    assertEquals(1, a.result().incomplete());
    assertEquals(0, a.pendingCount());
  }

  @Test
  void duplicatesAreRefusedAndNothingIsRecorded() {
    DriverAggregator a = Drivers.aggregator(TWO);
    a.accept(answer("c", "r", T0, "nps", 9, 1));
    byte[] before = a.toBytes();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> a.accept(answer("c", "r", T0, "nps", 8, 1)));
    assertTrue(e.getMessage().contains("duplicate answer to 'nps' by customer 'c' response 'r'"),
        e.getMessage());
    assertArrayEquals(before, a.toBytes());

    DriverAggregator b = Drivers.aggregator(TWO);
    b.accept(answer("c", "r", T0, "nps", 7, 1));
    b.accept(answer("c2", "r", T0, "nps", 7, 1));
    byte[] bBefore = b.toBytes();
    assertThrows(IllegalArgumentException.class, () -> a.merge(b));
    assertArrayEquals(before, a.toBytes(), "a failed merge changes nothing");
    assertArrayEquals(bBefore, b.toBytes());
  }

  @Test
  void duplicatesCanBeCountedAsRejectedInsteadTheFirstAnswerStays() {
    DriverDefinition counting = TWO.withDuplicatePolicy(DuplicatePolicy.COUNT_AS_REJECTED);
    DriverAggregator a = Drivers.aggregator(counting);
    a.accept(answer("c", "r", T0, "nps", 9, 1));
    assertTrue(a.accept(answer("c", "r", T0, "nps", 2, 1)));
    DriverAggregator b = Drivers.aggregator(counting);
    b.accept(answer("c", "r", T0, "nps", 3, 1));
    b.accept(answer("c", "r", T0, "helpfulness", 4, 1));
    b.accept(answer("c", "r", T0, "value", 5, 1));
    assertEquals(1, b.count());
    b.accept(answer("c", "r", T0, "nps", 3, 1)); // after completion: a new respondent
    assertEquals(1, b.pendingCount());
    b.accept(answer("c", "r", T0, "value", 1, 1));
    a.merge(b);
    DriverResult r = a.result();
    assertEquals(2, r.rejected(), "one in accept, one (nps) in the merge");
    assertEquals(1, r.pending(), "c/r holds nps 9 and value 1, waits for helpfulness");
    a.accept(answer("c", "r", T0, "helpfulness", 2, 1));
    assertEquals(2, a.count());
    assertEquals(6, a.result().outcomeMean(), 1e-15, "(3 + 9) / 2: this side's nps stayed");
  }

  @Test
  void aRespondentSplitAcrossAggregatorsCompletesInTheMergeAndInBytes() {
    DriverAggregator a = Drivers.aggregator(TWO);
    DriverAggregator b = Drivers.aggregator(TWO);
    a.accept(answer("c", "r", T0, "nps", 9, 2.5));
    a.accept(answer("c", "r", T0, "value", 4, 1));
    b.accept(answer("c", "r", T0.plusSeconds(5), "helpfulness", 5, 1));
    DriverAggregator viaBytes = Drivers.fromBytes(a.toBytes());
    assertEquals(1, viaBytes.pendingCount());
    viaBytes.merge(Drivers.fromBytes(b.toBytes()));
    a.merge(b);
    for (DriverAggregator x : List.of(a, viaBytes)) {
      assertEquals(1, x.count());
      assertEquals(0, x.pendingCount());
      DriverResult r = x.result();
      assertEquals(9, r.outcomeMean());
      assertEquals(5, r.factor("helpfulness").mean());
      assertEquals(1, r.effectiveSize(), 1e-15, "the weight of the outcome answer");
    }
    assertArrayEquals(a.toBytes(), viaBytes.toBytes());
  }

  @Test
  void offScaleAnswersAreRejectedOrCountedByPolicy() {
    DriverAggregator strict = Drivers.aggregator(TWO);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> strict.accept(answer("c", "r", T0, "value", 6, 1)));
    assertEquals("score 6 of 'value' is outside its scale 1..5", e.getMessage());
    assertTrue(strict.isEmpty());
    assertThrows(IllegalArgumentException.class, () -> strict.addRespondent(11, 1, 1));
    DriverAggregator lenient = Drivers.aggregator(
        TWO.withOutOfRangePolicy(OutOfRangePolicy.COUNT_AS_REJECTED));
    assertTrue(lenient.accept(answer("c", "r", T0, "value", 6, 1)));
    lenient.addRespondent(11, 0, 1);
    DriverResult r = lenient.result();
    assertEquals(3, r.rejected());
    assertEquals(1, r.incomplete());
    assertEquals(0, r.respondents());
  }

  @Test
  void badCallsNameTheRule() {
    assertThrows(IllegalArgumentException.class, () -> Drivers.aggregator(
        Drivers.outcome("nps", 0, 10)));
    assertThrows(IllegalArgumentException.class, () -> TWO.withFactors(1, 5, "nps"));
    assertThrows(IllegalArgumentException.class, () -> TWO.withFactors(5, 1, "x"));
    assertThrows(IllegalArgumentException.class, () -> TWO.withFactors(1, 5, " "));
    DriverAggregator a = Drivers.aggregator(TWO);
    assertThrows(IllegalArgumentException.class, () -> a.addRespondent(5, 1));
    assertThrows(IllegalArgumentException.class, () -> a.addWeightedRespondent(0, 5, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> a.merge(Drivers.aggregator()));
    assertThrows(IllegalArgumentException.class, () -> a.result(1.0));
    String[] many = new String[51];
    for (int i = 0; i < many.length; i++) {
      many[i] = "f" + i;
    }
    assertThrows(IllegalArgumentException.class,
        () -> Drivers.outcome("nps", 0, 10).withFactors(1, 5, many));
  }

  private static void assertNoNaN(DriverResult r) {
    assertFalse(Double.isNaN(r.rSquared()));
    for (FactorDriver f : r.factors()) {
      assertFalse(Double.isNaN(f.mean()));
      assertTrue(f.importance().isEmpty(), r.toString());
    }
    assertFalse(r.reason().isEmpty());
    assertFalse(r.isEstimated());
    assertFalse(r.toString().contains("NaN"), r.toString());
  }

  @Test
  void degenerateDataGivesAStatusAndAReasonNeverNaN() {
    DriverAggregator empty = Drivers.aggregator(TWO);
    assertEquals(DriverStatus.NO_DATA, empty.result().status());

    DriverAggregator few = Drivers.aggregator(TWO);
    few.addRespondent(9, 4, 5).addRespondent(3, 2, 1).addRespondent(6, 3, 3);
    assertEquals(DriverStatus.TOO_FEW_RESPONDENTS, few.result().status());
    assertEquals("3 complete respondents; 2 factors need more than 3", few.result().reason());
    assertNoNaN(few.result());

    DriverAggregator constantOutcome = Drivers.aggregator(TWO);
    DriverAggregator constantFactor = Drivers.aggregator(TWO);
    DriverAggregator collinear = Drivers.aggregator(TWO);
    for (int i = 0; i < 20; i++) {
      constantOutcome.addRespondent(7, 1 + i % 5, 1 + i % 3);
      constantFactor.addRespondent(i % 11, 1 + i % 5, 3);
      collinear.addRespondent(i % 11, 1 + i % 5, 1 + i % 5);
    }
    assertEquals(DriverStatus.CONSTANT_OUTCOME, constantOutcome.result().status());
    assertEquals(DriverStatus.CONSTANT_FACTOR, constantFactor.result().status());
    assertEquals("constant factor value", constantFactor.result().reason());
    assertEquals(DriverStatus.COLLINEAR, collinear.result().status());
    assertTrue(collinear.result().reason().startsWith("collinear factors helpfulness, value"),
        collinear.result().reason());
    assertNoNaN(constantOutcome.result());
    assertNoNaN(constantFactor.result());
    assertNoNaN(collinear.result());
  }

  @Test
  void aWeightOfTwoIsTwoRespondentsForTheEstimates() {
    DriverAggregator weighted = Drivers.aggregator(TWO);
    DriverAggregator twice = Drivers.aggregator(TWO);
    int[][] rows = {{9, 4, 5}, {3, 2, 1}, {6, 3, 3}, {10, 5, 4}, {2, 1, 2}, {7, 4, 2}, {5, 2, 4}};
    for (int i = 0; i < rows.length; i++) {
      int[] x = rows[i];
      double w = i % 2 == 0 ? 2 : 1;
      weighted.addWeightedRespondent(w, x[0], x[1], x[2]);
      for (int c = 0; c < w; c++) {
        twice.addRespondent(x[0], x[1], x[2]);
      }
    }
    DriverResult a = weighted.result();
    DriverResult b = twice.result();
    assertEquals(b.rSquared(), a.rSquared(), 1e-12);
    for (int i = 0; i < 2; i++) {
      Importance p = a.factors().get(i).importance().orElseThrow();
      Importance q = b.factors().get(i).importance().orElseThrow();
      assertEquals(q.relativeWeight(), p.relativeWeight(), 1e-12);
      assertEquals(q.correlation(), p.correlation(), 1e-12);
      assertEquals(b.factors().get(i).mean(), a.factors().get(i).mean(), 1e-12);
    }
    assertEquals(7, a.respondents());
    assertEquals(11 * 11 / 19.0, a.effectiveSize(), 1e-12, "Kish: (Σw)^2 / Σw^2");
  }

  @Test
  void copyAndResetAreIndependent() {
    DriverAggregator a = Drivers.aggregator(TWO);
    answerAll(a, "c", "r", 0, 9, 4, 5);
    a.accept(answer("d", "r", T0, "nps", 9, 1));
    DriverAggregator c = a.copy();
    a.accept(answer("d", "r", T0, "value", 9 - 5, 1));
    assertEquals(1, c.pendingCount());
    assertEquals(1, c.count());
    a.reset();
    assertTrue(a.isEmpty());
    assertFalse(c.isEmpty());
  }
}
