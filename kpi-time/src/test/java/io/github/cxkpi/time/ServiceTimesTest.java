package io.github.cxkpi.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.event.CaseEvent;
import io.github.cxkpi.event.CaseStatus;
import io.github.cxkpi.event.ServiceContact;
import io.github.cxkpi.spi.KpiAggregator;
import io.github.cxkpi.spi.KpiRegistry;
import io.github.cxkpi.spi.KpiSummary;
import io.github.cxkpi.stats.Difference;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceTimesTest {
  private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

  private static ServiceContact call(int waitSeconds, boolean abandoned) {
    ServiceContact.Builder b = ServiceContact.builder("c", T)
        .waitTime(Duration.ofSeconds(waitSeconds)).abandoned(abandoned);
    if (!abandoned) {
      b.handleTime(Duration.ofSeconds(300 + waitSeconds));
    }
    return b.build();
  }

  @Test
  void speedOfAnswerCountsAnsweredContactsAndItsServiceLevelExactly() {
    ServiceTimeAggregator asa = ServiceTimes.speedOfAnswer();
    AbandonmentAggregator ab = ServiceTimes.abandonment(Duration.ofSeconds(5));
    int[] waits = {0, 3, 10, 15, 20, 21, 40, 60, 2, 90};
    boolean[] abandon = {false, false, false, false, false, false, false, true, true, true};
    for (int i = 0; i < waits.length; i++) {
      asa.accept(call(waits[i], abandon[i]));
      ab.accept(call(waits[i], abandon[i]));
    }
    ServiceTimeResult r = asa.result();
    assertEquals(7, r.n());
    assertEquals(109.0 / 7, r.meanSeconds(), 1e-12);
    ServiceLevel sl = r.serviceLevel(Duration.ofSeconds(20));
    assertEquals(5, sl.within());
    assertEquals(7, sl.n());
    assertEquals(15, r.durations().median().seconds(), 15 * 0.01);
    // 9 offered (the 2 s abandon is short), 2 abandoned.
    AbandonmentResult a = ab.result();
    assertEquals(9, a.offered());
    assertEquals(2, a.abandoned());
    assertEquals(1, a.shortAbandons());
    assertEquals("abandonment 22.222 % [6.323, 54.741] (2/9, 1 short abandons under 5s excluded)",
        a.toString());
  }

  @Test
  void caseMeasuresTakeTheirDurationsFromTheEvents() {
    Instant opened = T.minus(Duration.ofHours(30));
    CaseEvent firstResponse = CaseEvent.builder("c", "k1", CaseStatus.FIRST_RESPONSE,
        opened.plus(Duration.ofMinutes(45))).opened(opened).build();
    CaseEvent solved = CaseEvent.builder("c", "k1", CaseStatus.SOLVED,
        opened.plus(Duration.ofHours(5))).opened(opened).build();
    CaseEvent solvedAgain = CaseEvent.builder("c", "k1", CaseStatus.SOLVED,
        opened.plus(Duration.ofHours(20))).opened(opened).reopenCount(1).build();
    CaseEvent closed = CaseEvent.builder("c", "k1", CaseStatus.CLOSED, T).opened(opened)
        .solved(opened.plus(Duration.ofHours(20))).reopenCount(1).withinSla(true).build();
    ServiceTimeAggregator frt = ServiceTimes.firstResponse();
    ServiceTimeAggregator first = ServiceTimes.firstResolution();
    ServiceTimeAggregator last = ServiceTimes.resolution();
    for (CaseEvent e : List.of(firstResponse, solved, solvedAgain, closed)) {
      frt.accept(e);
      first.accept(e);
      last.accept(e);
    }
    assertEquals(45 * 60, frt.result().meanSeconds(), 1e-9);
    assertEquals(1, frt.result().serviceLevel(Duration.ofHours(1)).within());
    assertEquals(5 * 3600, first.result().meanSeconds(), 1e-9);
    assertEquals(1, last.count());
    assertEquals(20 * 3600, last.result().meanSeconds(), 1e-9);
    assertEquals(1, last.result().slaMet());
    assertEquals(1, last.result().slaFlagged());
  }

  @Test
  void requesterWaitIsTimeToResolutionLessTheTimePendingOnTheRequester() {
    Instant opened = T.minus(Duration.ofHours(50));
    // Solved after 40 h, 30 h of them pending on the requester: a requester wait of 10 h.
    CaseEvent closed = CaseEvent.builder("c", "k1", CaseStatus.CLOSED, T).opened(opened)
        .solved(opened.plus(Duration.ofHours(40))).pending(Duration.ofHours(30)).withinSla(true)
        .build();
    // Solved after 80 h with no pending: 80 h.
    CaseEvent straight = CaseEvent.builder("c", "k2", CaseStatus.CLOSED, T)
        .opened(T.minus(Duration.ofHours(90))).solved(T.minus(Duration.ofHours(10)))
        .pending(Duration.ZERO).build();
    // No pending time in the data: no requester wait time (time to resolution still counts).
    CaseEvent unknown = CaseEvent.builder("c", "k3", CaseStatus.CLOSED, T).opened(opened)
        .solved(opened.plus(Duration.ofHours(2))).build();
    // Not closed: not counted, though it carries a pending time.
    CaseEvent solved = CaseEvent.builder("c", "k4", CaseStatus.SOLVED, T).opened(opened)
        .pending(Duration.ofHours(1)).build();
    ServiceTimeAggregator rwt = ServiceTimes.requesterWait();
    ServiceTimeAggregator ttr = ServiceTimes.resolution();
    for (CaseEvent e : List.of(closed, straight, unknown, solved)) {
      rwt.accept(e);
      ttr.accept(e);
    }
    assertEquals(2, rwt.count());
    assertEquals(3, ttr.count());
    assertEquals(45 * 3600, rwt.result().meanSeconds(), 1e-9);
    assertEquals(1, rwt.result().serviceLevel(Duration.ofHours(24)).within());
    assertEquals(1, rwt.result().serviceLevel(Duration.ofHours(72)).within());
    assertEquals(1, rwt.result().slaMet());
    assertEquals(ServiceTimeMeasure.REQUESTER_WAIT, ServiceTimes.fromBytes(rwt.toBytes())
        .definition().measure());
    assertEquals(14, ServiceTimes.frameKind(ServiceTimeMeasure.REQUESTER_WAIT));
  }

  @Test
  void theRegistryFindsTheSixKpisAndTheirFramesReadBack() {
    KpiRegistry registry = KpiRegistry.load(ServiceTimesTest.class.getClassLoader());
    CaseEvent closed = CaseEvent.builder("c", "k1", CaseStatus.CLOSED, T)
        .opened(T.minus(Duration.ofHours(50))).solved(T.minus(Duration.ofHours(1)))
        .pending(Duration.ofHours(4)).build();
    for (String id : List.of("frt", "ttr", "rwt", "aht", "asa", "abandonment")) {
      KpiAggregator a = registry.get(id).newAggregator();
      a.accept(call(12, false));
      a.accept(call(30, true));
      a.accept(closed);
      KpiAggregator back = registry.fromBytes(a.toBytes());
      assertEquals(id, back.kpiId());
      assertEquals(a.summary(0.95), back.summary(0.95));
    }
    KpiAggregator aht = registry.get("aht").newAggregator();
    KpiAggregator base = registry.get("aht").newAggregator();
    for (int i = 0; i < 50; i++) {
      aht.accept(call(i, false));
      base.accept(call(i + 10, false));
    }
    KpiSummary s = aht.summary(0.95);
    assertEquals(324.5, s.value(), 1e-9);
    Difference d = aht.difference(base, 0.95);
    assertEquals(-10, d.estimate(), 1e-9);
    assertTrue(d.pValue() < 0.01, d.toString());
  }

  @Test
  void eventsRefuseBadDurations() {
    assertEquals("waitTime must not be negative, was PT-1S", assertThrows(
        IllegalArgumentException.class, () -> ServiceContact.builder("c", T)
            .waitTime(Duration.ofSeconds(-1)).build()).getMessage());
    assertEquals("an abandoned contact has no handle time, but handleTime was PT1S",
        assertThrows(IllegalArgumentException.class, () -> ServiceContact.builder("c", T)
            .abandoned(true).handleTime(Duration.ofSeconds(1)).build()).getMessage());
    assertEquals("opened must be at or before the instant 2026-03-02T09:00:00Z, was "
        + "2026-03-02T10:00:00Z", assertThrows(IllegalArgumentException.class,
            () -> CaseEvent.builder("c", "k", CaseStatus.SOLVED, T)
                .opened(T.plusSeconds(3600)).build()).getMessage());
    assertThrows(IllegalArgumentException.class, () -> CaseEvent.builder("c", "k",
        CaseStatus.CLOSED, T).opened(T.minusSeconds(10)).solved(T.minusSeconds(20)).build());
    assertThrows(IllegalArgumentException.class, () -> CaseEvent.builder("c", " ",
        CaseStatus.OPENED, T).build());
    // The 10-argument constructor of before stays.
    ServiceContact old = new ServiceContact("c", T, io.github.cxkpi.event.Channel.PHONE,
        io.github.cxkpi.event.JourneyStage.POST_PURCHASE, null, java.util.Map.of(), null, null,
        null, false);
    assertFalse(old.abandoned());
  }

  @Test
  void definitionsThatDifferRefuseToMerge() {
    ServiceTimeAggregator a = ServiceTimes.speedOfAnswer();
    ServiceTimeAggregator b = ServiceTimes.aggregator(ServiceTimes.definition(
        ServiceTimeMeasure.SPEED_OF_ANSWER).withTargets(Duration.ofSeconds(30)));
    a.accept(call(10, false));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.merge(b));
    assertTrue(e.getMessage().contains("targets [30s]"), e.getMessage());
    assertEquals(1, a.count());
  }
}
