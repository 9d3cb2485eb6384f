package io.github.cxkpi.time;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Golden bytes (STYLE.md, lesson 8): frames written by format version 1 stay readable, with the
 * same figures, and this version still writes them byte for byte.
 */
class GoldenFramesTest {
  /** Targets 20 s and 24 h; durations 0, 1 ms, 3 s, 20 s, 25 s, 2 h, 30 days. */
  static final String HISTOGRAM_V1 = "ce5801073f847ae147ae147b028090dfc04a8080bc8ac9d2130700808088ba90adcd040406008089c3dc92"
      + "809e09000180c0e8e88f8ad2ef3b0080b290cb991500070001b90701de0501b0010112018a0401a00401af"
      + "7f3959";

  static DurationHistogram histogram() {
    DurationHistogram h = DurationHistogram.withTargets(Duration.ofSeconds(20),
        Duration.ofHours(24));
    for (Duration d : new Duration[] {Duration.ZERO, Duration.ofMillis(1), Duration.ofSeconds(3),
        Duration.ofSeconds(20), Duration.ofSeconds(25), Duration.ofHours(2),
        Duration.ofDays(30)}) {
      h.record(d);
    }
    return h;
  }

  @Test
  void histogramFrameVersion1StaysReadable() {
    assertEquals(HISTOGRAM_V1, HexFormat.of().formatHex(histogram().toBytes()));
    DurationHistogram h = DurationHistogram.fromBytes(HexFormat.of().parseHex(HISTOGRAM_V1));
    assertEquals(7, h.count());
    assertEquals(4, h.countWithin(Duration.ofSeconds(20)));
    assertEquals(6, h.countWithin(Duration.ofHours(24)));
    assertEquals(0, h.minNanos());
    assertEquals(Duration.ofDays(30).toNanos(), h.maxNanos());
    assertEquals(BigInteger.valueOf(Duration.ofDays(30).plusHours(2).plusSeconds(48).toNanos()
        + 1_000_000), h.sumNanos());
    assertEquals(20e9, h.quantileNanos(0.5), 20e9 * 0.01);
    assertArrayEquals(HexFormat.of().parseHex(HISTOGRAM_V1), h.toBytes());
  }

  /** Speed of answer, default definition: waits 5 s, 15 s, 25 s and an abandon (not counted). */
  static final String SPEED_OF_ANSWER_V1 = "ce58010b04043fe00000000000003feccccccccccccd3fee6666666666663fefae147ae147ae3fee"
      + "6666666666661e00003f847ae147ae147b018090dfc04a0380e497d01280f4f6905d02008088aca3"
      + "cf0200018080e0aca483bc905e005e0003ca0d0164012d01a1b56577";

  /** Abandonment, 5 s threshold, the same contacts: 4 offered, 1 abandoned, 1 short abandon. */
  static final String ABANDONMENT_V1 = "ce58010c80e497d01204010106ce7b99";

  /**
   * Requester wait time, default definition: closed cases solved after 40 h with 30 h pending
   * (10 h), after 80 h with none (80 h), and one with no pending time (not counted).
   */
  static final String REQUESTER_WAIT_V1 = "ce58010e05043fe00000000000003feccccccccccccd3fee6666666666663fefae147ae147ae3fee"
      + "6666666666661e00003f847ae147ae147b028080bc8ac9d2138080b49fdbf73a028080d9b9de9708"
      + "8080c8cdf3bd410101008080c28ea4ab93010001ffffffff9dcfe6b57b00bcc78d83220002811401"
      + "bf01019aaa80ec";

  @Test
  void requesterWaitFrameVersion1StaysReadable() {
    java.time.Instant t = java.time.Instant.parse("2026-03-02T09:00:00Z");
    java.time.Instant opened = t.minus(Duration.ofHours(90));
    ServiceTimeAggregator rwt = ServiceTimes.requesterWait();
    for (long[] c : new long[][] {{40, 30}, {80, 0}, {3, -1}}) {
      io.github.cxkpi.event.CaseEvent.Builder b = io.github.cxkpi.event.CaseEvent.builder("c",
          "k" + c[0], io.github.cxkpi.event.CaseStatus.CLOSED, t).opened(opened)
          .solved(opened.plus(Duration.ofHours(c[0])));
      if (c[1] >= 0) {
        b.pending(Duration.ofHours(c[1]));
      }
      rwt.accept(b.build());
    }
    assertEquals(REQUESTER_WAIT_V1, HexFormat.of().formatHex(rwt.toBytes()));
    ServiceTimeAggregator back = ServiceTimes.fromBytes(HexFormat.of().parseHex(
        REQUESTER_WAIT_V1));
    assertEquals(ServiceTimeMeasure.REQUESTER_WAIT, back.definition().measure());
    assertEquals(2, back.count());
    assertEquals(45 * 3600, back.result().meanSeconds(), 1e-9);
    assertEquals(1, back.result().serviceLevel(Duration.ofHours(24)).within());
    assertEquals(1, back.result().serviceLevel(Duration.ofHours(72)).within());
  }

  @Test
  void kpiFramesVersion1StayReadable() {
    java.time.Instant t = java.time.Instant.parse("2026-03-02T09:00:00Z");
    ServiceTimeAggregator asa = ServiceTimes.speedOfAnswer();
    AbandonmentAggregator ab = ServiceTimes.abandonment(Duration.ofSeconds(5));
    for (int[] c : new int[][] {{5, 0}, {15, 0}, {25, 0}, {30, 1}, {2, 1}}) {
      io.github.cxkpi.event.ServiceContact contact = io.github.cxkpi.event.ServiceContact
          .builder("c", t).waitTime(Duration.ofSeconds(c[0])).abandoned(c[1] == 1).build();
      asa.accept(contact);
      ab.accept(contact);
    }
    assertEquals(SPEED_OF_ANSWER_V1, HexFormat.of().formatHex(asa.toBytes()));
    assertEquals(ABANDONMENT_V1, HexFormat.of().formatHex(ab.toBytes()));
    ServiceTimeAggregator asaBack = ServiceTimes.fromBytes(HexFormat.of().parseHex(
        SPEED_OF_ANSWER_V1));
    assertEquals(3, asaBack.count());
    assertEquals(2, asaBack.result().serviceLevel(Duration.ofSeconds(20)).within());
    assertEquals(15, asaBack.result().meanSeconds(), 1e-12);
    AbandonmentResult abBack = ServiceTimes.abandonmentFromBytes(HexFormat.of().parseHex(
        ABANDONMENT_V1)).result();
    assertEquals(4, abBack.offered());
    assertEquals(1, abBack.abandoned());
    assertEquals(1, abBack.shortAbandons());
  }
}
