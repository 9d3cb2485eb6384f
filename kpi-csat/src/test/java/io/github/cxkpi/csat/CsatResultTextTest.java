package io.github.cxkpi.csat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The result's text, for people: the figure, its 95 % interval and n (values from SciPy). */
class CsatResultTextTest {
  @Test
  void aResultReadsAsALine() {
    assertEquals("CSAT 70.0% [48.1%, 85.5%], mean 3.85 [3.30, 4.40] n=20 (small sample)", Csat.aggregator().addAll(5, 5, 5, 4, 4, 4, 4, 3, 3, 2, 1, 5, 4, 5, 2, 4, 5, 3, 4, 5).result().toString());
    assertEquals("CSAT undefined n=0", Csat.aggregator().result().toString());
  }

  @Test
  void theDefaultRecorderAndCollectorMatchTheDefaultAggregator() {
    io.github.cxkpi.scale.RatingRecorder<CsatAggregator> recorder = Csat.recorder();
    for (int s : new int[] {5, 4, 3}) {
      recorder.record(s);
    }
    CsatResult expected = Csat.aggregator().addAll(5, 4, 3).result();
    assertEquals(expected, recorder.intervalSnapshot().result());
    java.time.Instant t = java.time.Instant.parse("2026-03-02T09:00:00Z");
    assertEquals(expected, java.util.stream.IntStream.of(5, 4, 3)
        .mapToObj(s -> io.github.cxkpi.event.SurveyResponse.builder("c", t).question(Csat.ID)
            .score(s).build())
        .collect(Csat.collector()));
  }
}
