package io.github.cxkpi.fcr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The result's text, for people: the figure, its 95 % interval and n (values from SciPy). */
class SurveyFcrResultTextTest {
  @Test
  void aResultReadsAsALine() {
    assertEquals("FCR 66.7% [20.8%, 93.9%] n=3 (small sample)", Fcr.surveyAggregator().add(true).add(true).add(false).result().toString());
    assertEquals("FCR undefined n=0", Fcr.surveyAggregator().result().toString());
  }

  @Test
  void repeatContactResultsAndAggregatorsReadAsALine() {
    RepeatContactAggregator a = Fcr.repeatContactAggregator();
    java.time.Instant t = java.time.Instant.parse("2026-03-02T09:00:00Z");
    a.add("c2", t, false);
    a.add("c1", t, false);
    a.add("c1", t.plusSeconds(86_400), false);
    a.endOfInput();
    // 1 of 2 episodes resolved: Wilson 95 % [9.5 %, 90.5 %] (SciPy); 1 of 3 contacts repeated.
    assertEquals("FCR 50.0% [9.5%, 90.5%] n=2, repeat rate 33.3%, 0 pending, 0 late "
        + "(small sample)", a.result().toString());
    assertEquals("FCR undefined n=0, 0 pending, 0 late (small sample)",
        Fcr.repeatContactAggregator().result().toString());
    org.junit.jupiter.api.Assertions.assertTrue(a.toString().startsWith(
        "repeat-contact FCR aggregator: FCR 50.0%"), a.toString());
    // reset() empties it, as if new.
    assertEquals(Fcr.repeatContactAggregator().result(), a.reset().result());
    assertEquals(0, a.count());
    org.junit.jupiter.api.Assertions.assertTrue(a.add("c1", t, false), "no watermark left");
  }

  @Test
  void fcrAggregatorsSpeakTheCommonAggregatorVocabulary() {
    java.time.Instant t = java.time.Instant.parse("2026-03-02T09:00:00Z");
    RepeatContactAggregator repeat = Fcr.repeatContactAggregator();
    repeat.add("a", t, true);
    repeat.add("b", t.plusSeconds(60), false);
    io.github.cxkpi.testing.Vocabulary.assertCommonVocabulary(repeat,
        Fcr::repeatContactAggregator);
    io.github.cxkpi.testing.Vocabulary.assertCommonVocabulary(
        Fcr.surveyAggregator().add(true).add(false), Fcr::surveyAggregator);
  }
}
