package io.github.cxkpi.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cxkpi.event.CaseEvent;
import io.github.cxkpi.event.CaseStatus;
import io.github.cxkpi.event.Channel;
import io.github.cxkpi.event.Interaction;
import io.github.cxkpi.event.ServiceContact;
import io.github.cxkpi.stats.Difference;
import io.github.cxkpi.testing.Readme;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's service-time snippet, compiled and run, and checked against README.md. */
class ReadmeExamplesTest {

  @Test
  void time() {
    Instant t = Instant.parse("2026-03-02T09:00:00Z");
    List<Interaction> interactions = List.of(
        ServiceContact.builder("c1", t).channel(Channel.PHONE)
            .waitTime(Duration.ofSeconds(12)).handleTime(Duration.ofMinutes(6)).build(),
        ServiceContact.builder("c2", t).channel(Channel.PHONE)
            .waitTime(Duration.ofSeconds(45)).handleTime(Duration.ofMinutes(4)).build(),
        ServiceContact.builder("c3", t).channel(Channel.PHONE)
            .waitTime(Duration.ofSeconds(70)).abandoned(true).build(),
        CaseEvent.builder("c4", "T-1", CaseStatus.CLOSED, t)
            .opened(t.minus(Duration.ofHours(30))).solved(t.minus(Duration.ofHours(2)))
            .withinSla(true).build());
    // README:time
    // Speed of answer (80 % in 20 s is counted exactly), handle time, abandonment, resolution.
    ServiceTimeAggregator asa = ServiceTimes.speedOfAnswer();
    ServiceTimeAggregator aht = ServiceTimes.handleTime();
    AbandonmentAggregator abandoned = ServiceTimes.abandonment(Duration.ofSeconds(5));
    ServiceTimeAggregator ttr = ServiceTimes.resolution();     // opened -> final solve
    for (Interaction i : interactions) {
      asa.accept(i);
      aht.accept(i);
      abandoned.accept(i);
      ttr.accept(i);
    }
    ServiceTimeResult r = asa.result();
    System.out.println(r);              // n, mean [t interval], p50 p90 p95 p99 [intervals], ...
    System.out.println(r.serviceLevel(Duration.ofSeconds(20)));  // within 20s 50 % [...] (1/2)
    System.out.println(aht.result().durations().median());
    System.out.println(abandoned.result());
    System.out.println(ttr.result());

    // The primitive alone: a mergeable duration histogram, 1 % relative accuracy.
    DurationHistogram waits = DurationHistogram.withTargets(Duration.ofSeconds(20));
    waits.record(Duration.ofSeconds(12)).record(Duration.ofSeconds(45));
    DurationHistogram other = DurationHistogram.fromBytes(waits.toBytes());
    waits.merge(other);
    Duration p90 = waits.quantile(0.9);

    // Two periods: means by Welch's t test, service levels by the two-proportion z test.
    Difference d = asa.result().compareMeans(asa.result(), 0.95);
    // README:end
    assertEquals(2, r.n());
    assertEquals(1, r.serviceLevel(Duration.ofSeconds(20)).within());
    assertEquals(1, abandoned.result().abandoned());
    assertEquals(28 * 3600, ttr.result().meanSeconds(), 1e-9);
    assertEquals(4, waits.count());
    assertEquals(45, p90.toNanos() / 1e9, 45 * 0.01);
    assertEquals(0, d.estimate());
    Readme.assertShows(getClass(), "time");
  }
}
