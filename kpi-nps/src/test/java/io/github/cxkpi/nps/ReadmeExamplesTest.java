package io.github.cxkpi.nps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.event.Channel;
import io.github.cxkpi.event.JourneyStage;
import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.scale.RatingRecorder;
import io.github.cxkpi.stats.Difference;
import io.github.cxkpi.stats.Interval;
import io.github.cxkpi.testing.Readme;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's NPS snippets, compiled and run. Each snippet sits between {@code // README:name}
 * markers, and the test checks that README.md shows exactly that code.
 */
class ReadmeExamplesTest {

  @Test
  void quickStart() {
    // README:nps-quickstart
    NpsAggregator nps = Nps.aggregator();
    nps.addAll(10, 10, 9, 9, 9, 8, 7, 7, 6, 5, 3, 0);
    NpsResult r = nps.result();
    Interval ci = r.interval(0.95).scaled(100); // adjusted Wald, in points
    System.out.printf("NPS %.1f [%.1f, %.1f], n=%d%s%n", r.score(), ci.lower(), ci.upper(),
        r.n(), r.isSmallSample() ? " (small sample)" : "");
    // README:end
    assertEquals(8.333, r.score(), 1e-3);
    Readme.assertShows(getClass(), "nps-quickstart");
  }

  @Test
  void responsesVariantsRecorderAndComparison() {
    // README:nps-responses
    Instant now = Instant.parse("2026-11-02T10:15:30Z");
    List<SurveyResponse> responses = List.of(
        SurveyResponse.builder("c1", now).question("nps").score(9)
            .channel(Channel.WEB).stage(JourneyStage.PURCHASE).build(),
        SurveyResponse.builder("c2", now).question("nps").score(4).weight(1.8)
            .channel(Channel.PHONE).stage(JourneyStage.POST_PURCHASE).build());
    NpsResult weighted = responses.stream().collect(Nps.collector());

    // A 1-10 survey, blanks in the denominator, samples under 50 flagged:
    NpsDefinition oneToTen = Nps.definition().withScale(1, 10)
        .withBlankPolicy(io.github.cxkpi.scale.BlankPolicy.COUNT_IN_DENOMINATOR)
        .withSmallSampleThreshold(50);
    NpsAggregator survey = Nps.aggregator(oneToTen).addAll(1, 10, 10, 8).addBlank();

    // Many writer threads, one reader taking interval snapshots:
    RatingRecorder<NpsAggregator> recorder = Nps.recorder();
    recorder.record(10);
    NpsAggregator lastMinute = recorder.intervalSnapshot();

    // This period against the last one:
    Difference change = survey.result().compare(weighted, 0.95).scaled(100);
    System.out.printf("change %+.1f points, p=%.3f%n", change.estimate(), change.pValue());

    byte[] bytes = survey.toBytes(); // compact, versioned, checksummed
    NpsAggregator restored = Nps.fromBytes(bytes);
    // README:end
    assertEquals(1.8 / 2.8, weighted.detractorShare(), 1e-12);
    assertEquals(20, survey.result().score(), 1e-12);
    assertEquals(1, lastMinute.count());
    assertTrue(change.standardError() > 0);
    assertEquals(survey.result(), restored.result());
    Readme.assertShows(getClass(), "nps-responses");
  }
}
