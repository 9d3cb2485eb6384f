package io.github.cxkpi.drivers;

import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.scale.OutOfRangePolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/** Random survey answers for the tests: whole respondents, shuffled. */
final class DriverStreams {
  private DriverStreams() {}

  static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

  /** Outcome nps 0-10, three factors on 1-5, off-scale answers counted as rejected. */
  static DriverDefinition definition() {
    return Drivers.outcome("nps", 0, 10).withFactors(1, 5, "helpfulness", "competence", "value")
        .withOutOfRangePolicy(OutOfRangePolicy.COUNT_AS_REJECTED).withSmallSampleThreshold(30);
  }

  static SurveyResponse answer(String customer, String responseId, Instant at, String question,
      Integer score, double weight) {
    SurveyResponse.Builder b = SurveyResponse.builder(customer, at).question(question)
        .weight(weight);
    if (responseId != null) {
      b.attribute("response_id", responseId);
    }
    if (score != null) {
      b.score(score);
    }
    b.attribute("region", "north");
    return b.build();
  }

  /** The answers of one random respondent: usually complete, sometimes partial or blank. */
  static List<SurveyResponse> respondent(SplittableRandom rnd, String customer,
      String responseId, Instant at) {
    boolean byId = responseId != null;
    double weight = rnd.nextInt(3) == 0 ? 0.25 + rnd.nextInt(12) / 4.0 : 1;
    int h = 1 + rnd.nextInt(5);
    int c = Math.max(1, Math.min(5, h + rnd.nextInt(3) - 1));
    int v = 1 + rnd.nextInt(5);
    int y = Math.max(0, Math.min(10, h + c + rnd.nextInt(3) - 1 + (v > 3 ? 1 : 0)));
    String[] q = {"helpfulness", "competence", "value", "nps"};
    int[] s = {h, c, v, y};
    List<SurveyResponse> out = new ArrayList<>();
    for (int i = 0; i < q.length; i++) {
      if (rnd.nextInt(20) == 0) {
        continue; // not answered: the respondent stays partial
      }
      Integer score = rnd.nextInt(40) == 0 ? null : rnd.nextInt(60) == 0 ? 99 : s[i];
      Instant t = byId ? at.plusSeconds(rnd.nextInt(600)) : at;
      out.add(answer(customer, responseId, t, q[i], score, weight));
    }
    if (rnd.nextInt(10) == 0) {
      out.add(answer(customer, responseId, at, "other", 3, 1)); // not this KPI's
    }
    return out;
  }

  /** A shuffled stream of answers of up to {@code max} respondents with unique keys. */
  static List<SurveyResponse> stream(SplittableRandom rnd, int respondents) {
    List<SurveyResponse> out = new ArrayList<>();
    long base = rnd.nextLong();
    Instant start = T0.plusSeconds(rnd.nextLong(3_000_000_000L)); // keys differ across streams
    for (int r = 0; r < respondents; r++) {
      String customer = "c" + rnd.nextInt(Math.max(1, respondents / 2));
      boolean byId = rnd.nextBoolean();
      String id = byId ? Long.toHexString(base) + "-" + r : null;
      Instant at = start.plusSeconds(r); // unique per respondent
      out.addAll(respondent(rnd, customer, id, at));
    }
    Collections.shuffle(out, new Random(rnd.nextLong()));
    return out;
  }
}
