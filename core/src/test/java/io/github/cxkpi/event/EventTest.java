package io.github.cxkpi.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventTest {
  private static final Instant T = Instant.parse("2026-11-02T10:15:30Z");

  @Test
  void aValidResponseKeepsItsFields() {
    SurveyResponse r = SurveyResponse.builder("c1", T).question("csat.checkout").score(4)
        .channel(Channel.of(" Web ")).stage(JourneyStage.PURCHASE).touchpoint("checkout")
        .attribute("region", "EU").weight(1.5).build();
    assertEquals(Channel.WEB, r.channel());
    assertEquals(4, r.score());
    assertEquals("EU", r.attribute("region").orElseThrow());
    assertTrue(SurveyResponse.builder("c1", T).blank().build().isBlank());
    assertThrows(UnsupportedOperationException.class, () -> r.attributes().put("a", "b"));
  }

  @Test
  void badFieldsAreNamedWithTheirValue() {
    message(IllegalArgumentException.class, "customerId must not be blank, was ' '",
        () -> SurveyResponse.builder(" ", T).build());
    message(NullPointerException.class, "customerId is null",
        () -> SurveyResponse.builder(null, T).build());
    message(NullPointerException.class, "instant is null",
        () -> SurveyResponse.builder("c", null).build());
    message(IllegalArgumentException.class, "weight must be finite and positive, was NaN",
        () -> SurveyResponse.builder("c", T).weight(Double.NaN).build());
    message(IllegalArgumentException.class, "weight must be finite and positive, was -2.0",
        () -> SurveyResponse.builder("c", T).weight(-2).build());
    message(IllegalArgumentException.class, "weight must be finite and positive, was Infinity",
        () -> SurveyResponse.builder("c", T).weight(Double.POSITIVE_INFINITY).build());
    message(IllegalArgumentException.class, "question must not be blank, was ''",
        () -> SurveyResponse.builder("c", T).question("").build());
    message(IllegalArgumentException.class, "touchpoint must be absent (null) or not blank, was ''",
        () -> ServiceContact.builder("c", T).touchpoint("").build());
    message(IllegalArgumentException.class, "channel name must not be blank, was ''",
        () -> Channel.of(""));
    message(IllegalArgumentException.class, "channel name must be lower case, was 'Web'",
        () -> new Channel("Web"));
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("region", null);
    message(NullPointerException.class, "attribute 'region' has a null value",
        () -> new SurveyResponse("c", T, Channel.WEB, JourneyStage.PURCHASE, null, nullValue,
            "nps", 3, 1));
  }

  @Test
  void contactsCarryTheirServiceFields() {
    ServiceContact c = ServiceContact.builder("c9", T).reason("billing").caseId("T-1")
        .agent("a7").resolvedByAgent(true).channel(Channel.PHONE).build();
    assertEquals("billing", c.reason());
    assertTrue(c.resolvedByAgent());
    assertEquals(JourneyStage.POST_PURCHASE, c.stage());
    Interaction i = c;
    assertEquals("c9", i.customerId());
  }

  private static <X extends Throwable> void message(Class<X> type, String expected,
      org.junit.jupiter.api.function.Executable body) {
    X e = assertThrows(type, body);
    assertEquals(expected, e.getMessage());
  }
}
