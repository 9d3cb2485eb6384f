package io.github.cxkpi.csat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.scale.RatingComparison;
import io.github.cxkpi.scale.RatingRecorder;
import io.github.cxkpi.scale.RatingsByQuestion;
import io.github.cxkpi.stats.Interval;
import io.github.cxkpi.testing.Readme;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The README's CSAT snippet, compiled and run, and checked against README.md. */
class ReadmeExamplesTest {

  @Test
  void csat() {
    Instant now = Instant.parse("2026-11-02T10:15:30Z");
    // README:csat
    CsatDefinition fivePoint = Csat.onScale(1, 5);            // satisfied = top two boxes, 4-5
    CsatAggregator csat = Csat.aggregator(fivePoint);
    csat.addAll(5, 5, 5, 4, 4, 4, 4, 3, 3, 2, 1, 5, 4, 5, 2, 4, 5, 3, 4, 5);
    CsatResult r = csat.result();
    Interval share = r.satisfiedInterval(0.95);                // Wilson
    Interval mean = r.meanInterval(0.95);                      // t interval
    System.out.printf("CSAT %.0f%% [%.0f%%, %.0f%%], mean %.2f [%.2f, %.2f]%n",
        100 * r.satisfiedShare(), 100 * share.lower(), 100 * share.upper(),
        r.mean(), mean.lower(), mean.upper());

    // One KPI per touchpoint question, top box only:
    RatingsByQuestion<CsatAggregator> touchpoints =
        Csat.byQuestion(fivePoint.withTopBoxes(1), "csat.");
    touchpoints.accept(SurveyResponse.builder("c1", now).question("csat.delivery").score(5).build());

    // Same vocabulary as NPS: recorder, collector, bytes, comparison.
    RatingRecorder<CsatAggregator> recorder = Csat.recorder(fivePoint);
    recorder.record(4);
    RatingComparison change = r.compare(recorder.intervalSnapshot().result(), 0.95);
    CsatAggregator restored = Csat.fromBytes(csat.toBytes());
    // README:end
    assertEquals(0.7, r.satisfiedShare(), 1e-15);
    assertEquals(1, touchpoints.get("csat.delivery").orElseThrow().count());
    assertEquals(-0.3, change.share().estimate(), 1e-12);
    assertEquals(r, restored.result());
    Readme.assertShows(getClass(), "csat");
  }
}
