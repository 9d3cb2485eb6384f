package io.github.cxkpi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.event.Interaction;
import io.github.cxkpi.event.JourneyStage;
import io.github.cxkpi.event.ServiceContact;
import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.scorecard.Scorecard;
import io.github.cxkpi.scorecard.ScorecardRow;
import io.github.cxkpi.scorecard.Segmenter;
import io.github.cxkpi.scorecard.WindowScheme;
import io.github.cxkpi.testing.Readme;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's scorecard snippet, run; and every Java block of the README outside the Flink
 * section compiled on its own, with only the imports it shows (this module sees every KPI).
 */
class ReadmeExamplesTest {

  @Test
  void scorecard() {
    // README:scorecard
    Instant t = Instant.parse("2026-03-03T10:00:00Z");
    List<Interaction> interactions = List.of(
        SurveyResponse.builder("c1", t).question("nps").score(9).stage(JourneyStage.PURCHASE).build(),
        SurveyResponse.builder("c2", t).question("csat").score(4).stage(JourneyStage.PURCHASE).build(),
        ServiceContact.builder("c1", t.plusSeconds(3600)).stage(JourneyStage.POST_PURCHASE).build());
    Scorecard card = Scorecard.builder().segmentBy(Segmenter.journeyStage())
        .windows(WindowScheme.calendar(WindowScheme.Unit.ISO_WEEK, ZoneId.of("Europe/Paris")))
        .build();
    interactions.forEach(card::accept);
    card.endOfInput();
    for (ScorecardRow row : card.report().rows()) {
      System.out.printf("%s %s %s: %.1f (n=%d)%n", row.window().label(), row.segment().label(),
          row.kpiId(), row.summary().value(), row.summary().n());
    }
    // README:end
    List<ScorecardRow> rows = card.report().rows();
    assertEquals(List.of("nps", "csat", "fcr-repeat"), rows.stream().map(ScorecardRow::kpiId).toList());
    assertEquals(100.0, rows.get(2).summary().value(), 1e-12, "one contact, one episode");
    Readme.assertShows(getClass(), "scorecard");
  }

  @Test
  void everyBlockCompilesOnItsOwn() {
    List<String> blocks = Readme.javaBlocks();
    int compiled = 0;
    for (int i = 0; i < blocks.size(); i++) {
      if (blocks.get(i).contains("org.apache.flink") || blocks.get(i).contains("io.micrometer")) {
        continue; // compiled by the flink and micrometer modules' tests, which have those
      }
      io.github.cxkpi.testing.ReadmeCompiler.assertCompiles(blocks.get(i), "#" + (i + 1));
      compiled++;
    }
    assertTrue(compiled >= 6, "README Java blocks compiled: " + compiled);
  }
}
