package io.github.cxkpi.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.testing.Readme;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The README's key-driver snippet, compiled and run, and checked against README.md. */
class ReadmeExamplesTest {

  @Test
  void drivers() throws IOException {
    Instant now = Instant.parse("2026-11-02T10:15:30Z");
    // README:drivers
    DriverDefinition d = Drivers.outcome("nps", 0, 10)
        .withFactors(1, 5, "helpfulness", "problem_solving", "value_for_time");
    DriverAggregator drivers = Drivers.aggregator(d);
    // One row per respondent: the outcome, then the factors in the definition's order.
    drivers.addRespondent(9, 5, 4, 4).addRespondent(6, 3, 3, 4).addRespondent(10, 5, 5, 3)
        .addRespondent(3, 1, 2, 2).addRespondent(7, 4, 3, 5).addRespondent(8, 4, 5, 2);
    // Or answer by answer: grouped by customer and attribute "response_id" (else the instant).
    drivers.accept(SurveyResponse.builder("c7", now).question("nps").score(5)
        .attribute("response_id", "r-7").build());
    drivers.endOfInput();                                  // partial respondents: incomplete
    DriverResult r = drivers.result();
    System.out.println(r);                                 // R², per factor mean, r, beta, weight
    Importance top = r.factor("helpfulness").importance().orElseThrow();
    System.out.printf("helpfulness: %.0f%% of R², %s%n", 100 * top.share(), top.quadrant().label());
    DriverAggregator restored = Drivers.fromBytes(drivers.toBytes());
    // README:end
    assertEquals(DriverStatus.OK, r.status());
    assertEquals(6, r.respondents());
    assertEquals(1, r.incomplete());
    assertTrue(top.share() > 0 && top.share() < 1);
    assertEquals(r.toString(), restored.result().toString());
    Readme.assertShows(getClass(), "drivers");
  }
}
