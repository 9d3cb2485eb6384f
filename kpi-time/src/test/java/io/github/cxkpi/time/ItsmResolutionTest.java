package io.github.cxkpi.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.event.CaseEvent;
import io.github.cxkpi.event.CaseStatus;
import io.github.cxkpi.event.Channel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Real data: time to resolution of 890 ServiceNow incidents (test resource itsm/, see its
 * NOTICE.txt), against figures counted independently from the original event log by
 * itsm/derive.py (python3, sorting the exact durations):
 *
 * <pre>
 * incidents 890 closed with a resolution 861       mean 1137120.3484320557 s (sum 979060620)
 * sd 2738869.9577960167 s                          min 60 s, max 28872960 s
 * p50 rank 431: 196080 s   p90 rank 775: 2743380 s   p95 rank 818: 4847160 s
 * p99 rank 853: 13992300 s within 24 h: 234   within 72 h: 469   made_sla TRUE: 466 of 861
 * </pre>
 *
 * <p>Each incident's last event (it is closed) becomes a {@link CaseStatus#CLOSED} event with
 * its opening, its resolution (resolved_at) and its made_sla flag; the 29 closed without a
 * resolved_at have no time to resolution and are not counted. The SLA share is the exact count
 * of made_sla on those last events.
 *
 * <p>Requester wait time: derive.py also adds up, per incident, the time spent in the state
 * "Awaiting User Info" (a state lasts from an event's sys_updated_at to the next event's, events
 * in time order, each spell clipped to opened_at .. resolved_at) into the column
 * pending_seconds, and computes, from the same sorted exact durations (time to resolution less
 * that pending time):
 *
 * <pre>
 * requester wait n 861, 294 with pending time > 0, pending sum 439246680 s
 * mean 626961.6027874565 s (sum 539813940)   sd 1666371.2318531128 s   min 0 s, max 23077980 s
 * p50 rank 431: 150720 s   p90 rank 775: 1740480 s   p95 rank 818: 3025500 s
 * p99 rank 853: 6840900 s  within 24 h: 333   within 72 h: 593
 * </pre>
 */
class ItsmResolutionTest {
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

  private static Instant time(String s) {
    return LocalDateTime.parse(s, FORMAT).toInstant(ZoneOffset.UTC);
  }

  @Test
  void timeToResolutionMatchesTheIndependentCount() throws IOException {
    ServiceTimeAggregator ttr = ServiceTimes.resolution();
    ServiceTimeAggregator rwt = ServiceTimes.requesterWait();
    int incidents = 0;
    long pendingSum = 0;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
        getClass().getResourceAsStream("/itsm/itsm_last_events.csv")), StandardCharsets.UTF_8))) {
      String header = in.readLine();
      assertTrue(header.startsWith("number,incident_state,reopen_count"), header);
      assertTrue(header.endsWith(",closed_at,pending_seconds"), header);
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] f = line.split(",", -1);
        incidents++;
        Instant opened = time(f[8]);
        Instant closed = time(f[10]);
        CaseEvent e = CaseEvent.builder(f[5], f[0], CaseStatus.valueOf(f[1].toUpperCase(
                java.util.Locale.ROOT)), closed)
            .channel(Channel.PHONE).opened(opened)
            .solved(f[9].equals("?") ? null : time(f[9]))
            .reopenCount(Integer.parseInt(f[2]))
            .withinSla(Boolean.parseBoolean(f[4].toLowerCase(java.util.Locale.ROOT)))
            .pending(f[11].isEmpty() ? null : Duration.ofSeconds(Long.parseLong(f[11])))
            .attribute("priority", f[7]).build();
        ttr.accept(e);
        rwt.accept(e);
        pendingSum += e.pending() == null ? 0 : e.pending().toSeconds();
      }
    }
    assertEquals(890, incidents);
    ServiceTimeResult r = ttr.result();
    assertEquals(861, r.n());
    assertEquals(979_060_620L * 1_000_000_000L, ttr.histogram().sumNanos().longValueExact());
    assertEquals(1137120.3484320557, r.meanSeconds(), 1e-9);
    assertEquals(2738869.9577960167, r.durations().standardDeviation(), 1e-6);
    assertEquals(60, r.durations().min());
    assertEquals(28_872_960, r.durations().max());
    double[][] quantiles = {{0.5, 196_080}, {0.9, 2_743_380}, {0.95, 4_847_160},
        {0.99, 13_992_300}};
    for (double[] q : quantiles) {
      double estimate = r.durations().quantile(q[0]).seconds();
      assertTrue(Math.abs(estimate - q[1]) <= 0.01 * q[1], q[0] + ": " + estimate);
    }
    assertEquals(234, r.serviceLevel(Duration.ofHours(24)).within());
    assertEquals(469, r.serviceLevel(Duration.ofHours(72)).within());
    assertEquals(861, r.slaFlagged());
    assertEquals(466, r.slaMet());
    System.out.println("ITSM time to resolution: " + r);

    ServiceTimeResult w = rwt.result();
    assertEquals(439_246_680L, pendingSum);
    assertEquals(861, w.n());
    assertEquals(539_813_940L * 1_000_000_000L, rwt.histogram().sumNanos().longValueExact());
    assertEquals(626961.6027874565, w.meanSeconds(), 1e-9);
    assertEquals(1666371.2318531128, w.durations().standardDeviation(), 1e-6);
    assertEquals(0, w.durations().min());
    assertEquals(23_077_980, w.durations().max());
    double[][] waits = {{0.5, 150_720}, {0.9, 1_740_480}, {0.95, 3_025_500},
        {0.99, 6_840_900}};
    for (double[] q : waits) {
      double estimate = w.durations().quantile(q[0]).seconds();
      assertTrue(Math.abs(estimate - q[1]) <= 0.01 * q[1], q[0] + ": " + estimate);
    }
    assertEquals(333, w.serviceLevel(Duration.ofHours(24)).within());
    assertEquals(593, w.serviceLevel(Duration.ofHours(72)).within());
    assertEquals(466, w.slaMet());
    System.out.println("ITSM requester wait time: " + w);
  }
}
