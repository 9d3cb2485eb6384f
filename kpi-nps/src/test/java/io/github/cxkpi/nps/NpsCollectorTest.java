package io.github.cxkpi.nps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.testing.Seeds;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NpsCollectorTest {

  @Test
  void parallelStreamsGiveTheSequentialResult() {
    Seeds.forEach(10, rnd -> {
      List<Integer> scores = IntStream.range(0, 5000 + rnd.nextInt(5000))
          .mapToObj(i -> rnd.nextInt(11)).collect(Collectors.toList());
      NpsResult seq = scores.stream().collect(Nps.scoreCollector());
      NpsResult par = scores.parallelStream().collect(Nps.scoreCollector());
      assertEquals(seq, par);
      NpsAggregator viaIntStream = scores.parallelStream().mapToInt(Integer::intValue)
          .collect(Nps::aggregator, NpsAggregator::add, NpsAggregator::merge);
      assertEquals(seq, viaIntStream.result());
    });
  }

  @Test
  void responsesToOtherQuestionsAreSkipped() {
    Instant t = Instant.EPOCH;
    List<SurveyResponse> rs = List.of(
        SurveyResponse.builder("a", t).score(10).build(),
        SurveyResponse.builder("b", t).question("csat").score(1).build(),
        SurveyResponse.builder("c", t).score(0).weight(3).build(),
        SurveyResponse.builder("d", t).blank().build());
    NpsResult r = rs.parallelStream().collect(Nps.collector());
    assertEquals(2, r.respondents());
    assertEquals(1, r.blanks());
    assertEquals(-50, r.score(), 1e-12);
  }
}
