package io.github.cxkpi.fcr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cxkpi.event.Channel;
import io.github.cxkpi.event.ServiceContact;
import io.github.cxkpi.spi.Recorder;
import io.github.cxkpi.testing.Readme;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's FCR snippet, compiled and run, and checked against README.md. */
class ReadmeExamplesTest {

  @Test
  void fcr() {
    Instant monday = Instant.parse("2026-03-02T09:00:00Z");
    List<ServiceContact> contacts = List.of(
        ServiceContact.builder("c1", monday).channel(Channel.PHONE).agent("a7")
            .resolvedByAgent(true).caseId("T-100").build(),
        ServiceContact.builder("c2", monday.plus(Duration.ofDays(1))).channel(Channel.CHAT)
            .resolvedByAgent(true).caseId("T-101").build(),
        ServiceContact.builder("c1", monday.plus(Duration.ofDays(2))).channel(Channel.EMAIL)
            .caseId("T-100").build());
    // README:fcr
    // Repeat-contact FCR: per customer, a 7-day window, contacts in any order within the
    // allowed lateness (1 hour), decided when the watermark passes first contact + 7 days.
    RepeatContactAggregator fcr = Fcr.repeatContactAggregator();
    contacts.forEach(fcr::accept);
    byte[] checkpoint = fcr.toBytes();                   // pending state included
    fcr = Fcr.repeatContactFromBytes(checkpoint);
    fcr.endOfInput();                                   // no more contacts: decide the rest
    RepeatContactResult r = fcr.result();
    System.out.printf("FCR %.0f%% of %d episodes, repeat-contact rate %.0f%%, %d late%n",
        100 * r.fcr(), r.episodesDecided(), 100 * r.repeatContactRate(), r.lateContacts());

    // Case-based "one-touch resolution": keyed by case, the agent's resolved mark required.
    RepeatContactAggregator oneTouch = Fcr.repeatContactAggregator(Fcr.caseBased());
    contacts.forEach(oneTouch::accept);
    oneTouch.endOfInput();

    // Many writer threads: any aggregator has its thread-safe Recorder. Repeat-contact FCR
    // records without a watermark there (parts then merge whatever keys they share) and
    // decides at the end of the input.
    Recorder<ServiceContact, RepeatContactAggregator> shared = Recorder.of(
        () -> Fcr.repeatContactAggregator(Fcr.repeatContact().withDerivedWatermark(false)));
    contacts.forEach(shared::record);
    RepeatContactAggregator interval = shared.intervalSnapshot();
    interval.endOfInput();

    // Survey FCR: "Was your issue resolved in this contact?"
    SurveyFcrAggregator survey = Fcr.surveyAggregator().add(true).add(true).add(false);
    System.out.printf("survey FCR %.0f%%, 95%% CI %s%n", 100 * survey.result().fcr(),
        survey.result().fcrInterval(0.95));
    // README:end
    assertEquals(0.5, r.fcr(), 1e-15);
    assertEquals(1.0 / 3, r.repeatContactRate(), 1e-15);
    assertEquals(0.5, oneTouch.result().fcr(), 1e-15);
    assertEquals(3, interval.count());
    assertEquals(r.fcr(), interval.result().fcr(), 1e-15);
    Readme.assertShows(getClass(), "fcr");
  }
}
