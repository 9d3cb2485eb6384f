package io.github.cxkpi.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.codec.CodecException;
import io.github.cxkpi.codec.FrameWriter;
import io.github.cxkpi.scale.ScaleHistogram;
import io.github.cxkpi.scorecard.Scorecard;
import io.github.cxkpi.scorecard.WindowScheme;
import io.github.cxkpi.spi.KpiOptions;
import io.github.cxkpi.spi.KpiRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.Test;

/**
 * The catalog of bad input to core's public entry points (events, the histogram, windows,
 * options, the scorecard's builder): each class of input with the exception it gets, whose
 * message names the value and the rule it broke, and the state left unchanged.
 */
class CoreBadInputCatalogTest {
  private static final Instant T = Instant.parse("2026-06-01T12:00:00Z");

  private static void refused(Class<? extends Throwable> type, Executable body,
      String... fragments) {
    Throwable e = assertThrows(type, body);
    String message = String.valueOf(e.getMessage());
    for (String f : fragments) {
      assertTrue(message.contains(f), "message '" + message + "' lacks '" + f + "'");
    }
  }

  @Test
  void textThatUtf8CannotCarryOrTheCodecCannotWrite() {
    String long4097 = "x".repeat(4097);
    refused(IllegalArgumentException.class,
        () -> SurveyResponse.builder(long4097, T).score(9).build(),
        "customerId", "at most 4096 UTF-8 bytes", "xxxxxxxxxx...");
    // 1366 three-byte characters: 1366 chars but 4098 bytes.
    refused(IllegalArgumentException.class,
        () -> SurveyResponse.builder("c", T).question("€".repeat(1366)).score(9).build(),
        "question", "4098 bytes");
    assertEquals(4096, SurveyResponse.builder("c", T).question("€".repeat(1365) + "x")
        .score(9).build().question().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    refused(IllegalArgumentException.class,
        () -> ServiceContact.builder("a\uD800b", T).build(), "lone surrogate U+D800", "index 1");
    refused(IllegalArgumentException.class,
        () -> ServiceContact.builder("ab\uDC00", T).build(), "lone surrogate U+DC00");
    refused(IllegalArgumentException.class,
        () -> ServiceContact.builder("c", T).reason("\uDBFF").build(), "reason");
    refused(IllegalArgumentException.class,
        () -> SurveyResponse.builder("c", T).attribute("store", "\uD83D").build(), "store");
    refused(IllegalArgumentException.class,
        () -> SurveyResponse.builder("c", T).attribute("s".repeat(5000), "x").build(),
        "at most 4096");
    // A well-formed pair is fine and survives as it is.
    assertEquals("\uD83D\uDE00", ServiceContact.builder("\uD83D\uDE00", T).build().customerId());
    refused(IllegalArgumentException.class,
        () -> SurveyResponse.builder("  ", T).score(9).build(), "must not be blank");
    refused(NullPointerException.class,
        () -> SurveyResponse.builder(null, T).score(9).build(), "customerId is null");
  }

  @Test
  void instantsOutsideTheSupportedRange() {
    for (Instant bad : List.of(Instant.parse("1969-12-31T23:59:59.999Z"),
        Instant.parse("2200-01-01T00:00:00Z"), Instant.parse("+99999-01-01T00:00:00Z"),
        Instant.MIN, Instant.MAX)) {
      refused(IllegalArgumentException.class,
          () -> SurveyResponse.builder("c", bad).score(9).build(),
          bad.toString(), "outside the supported range");
      refused(IllegalArgumentException.class,
          () -> ServiceContact.builder("c", bad).build(), bad.toString());
    }
    assertEquals(Interaction.MIN_INSTANT,
        SurveyResponse.builder("c", Interaction.MIN_INSTANT).build().instant());
    Instant last = Interaction.MAX_INSTANT.minusNanos(1);
    assertEquals(last, SurveyResponse.builder("c", last).build().instant());
  }

  @Test
  void weightsWhoseSquaresWouldLeaveTheDoubles() {
    for (double w : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY, 1e154, 1e101,
        1e-101, Double.MIN_VALUE}) {
      refused(IllegalArgumentException.class,
          () -> SurveyResponse.builder("c", T).score(9).weight(w).build(), "weight",
          String.valueOf(w));
      ScaleHistogram h = ScaleHistogram.of(0, 10);
      refused(IllegalArgumentException.class, () -> h.add(5, w), String.valueOf(w));
      assertTrue(h.isEmpty());
    }
    ScaleHistogram h = ScaleHistogram.of(0, 10);
    h.add(1, 1e100);
    h.add(2, 1e-100);
    assertTrue(Double.isFinite(h.totalWeightSquares()) && h.totalWeightSquares() > 0);
  }

  @Test
  void countsThatWouldOverflowAreArithmeticExceptions() {
    ScaleHistogram a = histogram(1L << 62, 0);
    // 2^62 + 2^62 at one point does not fit a long ...
    refused(ArithmeticException.class, () -> a.merge(histogram(1L << 62, 0)), "overflow");
    // ... nor in total, over two points.
    refused(ArithmeticException.class, () -> a.merge(histogram(0, 1L << 62)), "overflow");
    assertEquals(histogram(1L << 62, 0), a, "failure-atomic");
    a.merge(histogram((1L << 62) - 1, 0));
    assertEquals(Long.MAX_VALUE, a.totalCount());
    // A frame whose points sum past a long is corrupt.
    byte[] corrupt = FrameWriter.begin(ScaleHistogram.FRAME_KIND).putSignedInt(0).putSignedInt(1)
        .putBoolean(false).putVarLong(Long.MAX_VALUE).putVarLong(1).finish();
    assertThrows(CodecException.class, () -> ScaleHistogram.fromBytes(corrupt));
  }

  private static ScaleHistogram histogram(long zeros, long ones) {
    return ScaleHistogram.fromBytes(FrameWriter.begin(ScaleHistogram.FRAME_KIND).putSignedInt(0)
        .putSignedInt(1).putBoolean(false).putVarLong(zeros).putVarLong(ones).finish());
  }

  @Test
  void scalesAtTheEdgesOfInt() {
    ScaleHistogram top = ScaleHistogram.of(Integer.MAX_VALUE - 10, Integer.MAX_VALUE);
    top.add(Integer.MAX_VALUE);
    top.add(Integer.MAX_VALUE - 10);
    assertEquals(2, top.totalCount());
    assertEquals(1, top.count(Integer.MAX_VALUE));
    assertEquals(top, ScaleHistogram.fromBytes(top.toBytes()));
    refused(IllegalArgumentException.class, () -> top.add(Integer.MAX_VALUE - 11),
        String.valueOf(Integer.MAX_VALUE - 11));
    ScaleHistogram bottom = ScaleHistogram.of(Integer.MIN_VALUE, Integer.MIN_VALUE + 4);
    bottom.add(Integer.MIN_VALUE);
    assertEquals(1, bottom.count(Integer.MIN_VALUE));
    refused(IllegalArgumentException.class, () -> ScaleHistogram.of(0, 1001), "1001");
    refused(IllegalArgumentException.class, () -> ScaleHistogram.of(3, 3), "3");
  }

  @Test
  void windowsOutsideTheRangeOrOnDaysThatDoNotExist() {
    WindowScheme days = WindowScheme.calendar(WindowScheme.Unit.DAY, ZoneId.of("Europe/Paris"));
    refused(IllegalArgumentException.class,
        () -> days.paneOf(Instant.parse("+99999-01-01T00:00:00Z")), "outside the range");
    refused(IllegalArgumentException.class, () -> days.paneOf(Instant.EPOCH.minusNanos(1)),
        "outside the range");
    refused(IllegalArgumentException.class, () -> WindowScheme.rolling(0, ZoneId.of("UTC")),
        "0");
    // Samoa skipped 2011-12-30: the pane before the 31st is the 29th, and no pane is empty.
    ZoneId apia = ZoneId.of("Pacific/Apia");
    WindowScheme samoa = WindowScheme.calendar(WindowScheme.Unit.DAY, apia);
    var dec31 = samoa.paneOf(java.time.LocalDate.of(2011, 12, 31).atStartOfDay(apia).toInstant());
    var before = samoa.previousPane(dec31);
    assertEquals("2011-12-29", before.label());
    assertEquals(before.end(), dec31.start());
    assertTrue(before.start().isBefore(before.end()));
  }

  @Test
  void optionsAndBuilderSettings() {
    refused(IllegalArgumentException.class,
        () -> KpiOptions.allowedLateness(Duration.ofSeconds(-1)), "PT-1S", "negative");
    refused(IllegalArgumentException.class,
        () -> Scorecard.builder().allowedLateness(Duration.ofDays(100_001)), "PT2400024H");
    refused(IllegalArgumentException.class,
        () -> Scorecard.builder().allowedLateness(Duration.ofMillis(-1)), "PT-0.001S");
    refused(IllegalArgumentException.class, () -> Scorecard.builder().level(1.0), "1.0");
    refused(IllegalArgumentException.class, () -> Scorecard.builder().level(Double.NaN), "NaN");
    refused(NullPointerException.class, () -> Scorecard.builder().windows(null));
    // An empty registry makes a scorecard of no KPIs: every interaction is counted as unused.
    Scorecard none = Scorecard.builder().registry(KpiRegistry.of(List.of())).build();
    none.accept(SurveyResponse.builder("c", T).score(3).build());
    assertEquals(1, none.report().unused());
  }

  @Test
  void aScorecardRefusesInputAfterItsEndAndOutsideItsWindows() {
    Scorecard card = Scorecard.builder().registry(KpiRegistry.of(List.of())).build();
    card.endOfInput();
    card.endOfInput(); // idempotent
    refused(IllegalStateException.class,
        () -> card.accept(SurveyResponse.builder("c", T).score(3).build()), "endOfInput");
    refused(IllegalArgumentException.class, () -> card.merge(card), "itself");
    assertEquals(0, card.report().interactions());
  }

  @Test
  void serviceTimesOnContactsAndCases() {
    refused(IllegalArgumentException.class, () -> ServiceContact.builder("c", T)
        .waitTime(Duration.ofSeconds(-1)).build(), "waitTime", "PT-1S", "negative");
    refused(IllegalArgumentException.class, () -> ServiceContact.builder("c", T)
        .handleTime(Duration.ofMillis(-1)).build(), "handleTime", "negative");
    refused(IllegalArgumentException.class, () -> ServiceContact.builder("c", T).abandoned(true)
        .handleTime(Duration.ofSeconds(3)).build(), "abandoned", "handle");
    refused(IllegalArgumentException.class, () -> CaseEvent.builder("c", "", CaseStatus.OPENED,
        T).build(), "caseId");
    refused(NullPointerException.class, () -> CaseEvent.builder("c", "k", null, T).build(),
        "status");
    refused(IllegalArgumentException.class, () -> CaseEvent.builder("c", "k", CaseStatus.SOLVED,
        T).opened(T.plusSeconds(1)).build(), "opened", "at or before");
    refused(IllegalArgumentException.class, () -> CaseEvent.builder("c", "k", CaseStatus.OPENED,
        T).opened(T.minusSeconds(1)).build(), "OPENED", "opening instant");
    refused(IllegalArgumentException.class, () -> CaseEvent.builder("c", "k", CaseStatus.CLOSED,
        T).opened(T.minusSeconds(60)).solved(T.plusSeconds(1)).build(), "solved");
    refused(IllegalArgumentException.class, () -> CaseEvent.builder("c", "k",
        CaseStatus.REOPENED, T).opened(T.minusSeconds(60)).solved(T.minusSeconds(30)).build(),
        "REOPENED", "no solve instant");
    refused(IllegalArgumentException.class, () -> CaseEvent.builder("c", "k", CaseStatus.SOLVED,
        T).opened(T.minusSeconds(60)).solved(T.minusSeconds(30)).build(), "SOLVED", "its instant");
    refused(IllegalArgumentException.class, () -> CaseEvent.builder("c", "k", CaseStatus.CLOSED,
        T).reopenCount(-1).build(), "reopenCount", "-1");
    refused(IllegalArgumentException.class, () -> CaseEvent.builder("c", "k", CaseStatus.OPENED,
        Interaction.MAX_INSTANT).build(), "instant");
    CaseEvent ok = CaseEvent.builder("c", "k", CaseStatus.SOLVED, T).opened(T.minusSeconds(60))
        .build();
    assertEquals(T, ok.solvedAt());
    refused(IllegalArgumentException.class, () -> CaseEvent.builder("c", "k", CaseStatus.CLOSED,
        T).opened(T.minusSeconds(60)).solved(T.minusSeconds(10)).pending(Duration.ofSeconds(-1))
        .build(), "pending must not be negative", "PT-1S");
    refused(IllegalArgumentException.class, () -> CaseEvent.builder("c", "k", CaseStatus.CLOSED,
        T).opened(T.minusSeconds(60)).solved(T.minusSeconds(10)).pending(Duration.ofSeconds(51))
        .build(), "pending must be at most the span", "to the solve", "PT50S", "was PT51S");
    refused(IllegalArgumentException.class, () -> CaseEvent.builder("c", "k",
        CaseStatus.FIRST_RESPONSE, T).opened(T.minusSeconds(60)).pending(Duration.ofSeconds(61))
        .build(), "pending must be at most the span", "to the instant", "PT1M", "was PT1M1S");
    CaseEvent waited = CaseEvent.builder("c", "k", CaseStatus.CLOSED, T)
        .opened(T.minusSeconds(60)).solved(T.minusSeconds(10)).pending(Duration.ofSeconds(50))
        .build();
    assertEquals(Duration.ZERO, waited.requesterWait());
    assertEquals(Duration.ofSeconds(20), CaseEvent.builder("c", "k", CaseStatus.SOLVED, T)
        .opened(T.minusSeconds(60)).pending(Duration.ofSeconds(40)).build().requesterWait());
    assertEquals(null, CaseEvent.builder("c", "k", CaseStatus.CLOSED, T)
        .opened(T.minusSeconds(60)).pending(Duration.ofSeconds(40)).build().requesterWait());
    assertEquals(null, ok.pending());
    assertEquals(Duration.ofSeconds(12), ServiceContact.builder("c", T)
        .waitTime(Duration.ofSeconds(12)).build().waitTime());
  }
}
