package io.github.cxkpi.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.scorecard.Scorecard;
import io.github.cxkpi.scorecard.ScorecardRow;
import io.github.cxkpi.scorecard.Segmenter;
import io.github.cxkpi.scorecard.WindowScheme;
import io.github.cxkpi.spi.KpiAggregator;
import io.github.cxkpi.spi.KpiDetail;
import io.github.cxkpi.spi.KpiProvider;
import io.github.cxkpi.spi.KpiRegistry;
import io.github.cxkpi.spi.KpiSummary;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The KPI through the registry and a scorecard, with its details. */
class DriverRegistryTest {

  private static void respondents(java.util.function.Consumer<SurveyResponse> into, String region,
      int count) {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
    Instant t = Instant.parse("2026-03-02T10:00:00Z");
    for (int r = 0; r < count; r++) {
      int base = 1 + rnd.nextInt(10);
      int[] f = new int[8];
      int sum = 0;
      for (int i = 0; i < 8; i++) {
        f[i] = Math.max(1, Math.min(10, base + rnd.nextInt(5) - 2));
        sum += i < 3 ? f[i] : 0;
      }
      int y = Math.max(0, Math.min(10, sum / 3 + rnd.nextInt(3) - 1));
      Instant at = t.plusSeconds(r);
      into.accept(SurveyResponse.builder(region + r, at).question("nps").score(y)
          .attribute("region", region).build());
      for (int i = 0; i < 8; i++) {
        into.accept(SurveyResponse.builder(region + r, at).question(Drivers.COMMON_FACTORS.get(i))
            .score(f[i]).attribute("region", region).build());
      }
    }
  }

  @Test
  void theRegistryFindsTheDriversWithTheirDetails() {
    KpiProvider p = KpiRegistry.load().get(Drivers.ID);
    assertEquals(13, p.frameKind());
    assertEquals(Drivers.TYPE, p.type().orElseThrow());
    KpiAggregator a = p.newAggregator();
    respondents(a::accept, "n", 200);
    assertFalse(a.accept(SurveyResponse.builder("x", Instant.EPOCH).question("csat").score(2)
        .build()));
    KpiSummary s = a.summary(0.95);
    assertEquals(200, s.n());
    DriverAggregator direct = Drivers.aggregator();
    respondents(direct::accept, "n", 200);
    assertEquals(direct.result().rSquared(), s.value(), 1e-15);
    List<KpiDetail> importance = s.details().stream()
        .filter(d -> d.group().equals("importance")).toList();
    List<KpiDetail> performance = s.details().stream()
        .filter(d -> d.group().equals("performance")).toList();
    assertEquals(8, importance.size());
    assertEquals(8, performance.size());
    assertEquals(s.value(), importance.stream().mapToDouble(KpiDetail::value).sum(), 1e-12);
    assertTrue(performance.get(0).interval().isDefined());
    KpiAggregator back = KpiRegistry.load().fromBytes(a.toBytes());
    assertEquals(0, back.difference(a, 0.95).estimate(), 1e-15);
    assertThrows(IllegalArgumentException.class,
        () -> a.merge(KpiRegistry.load().get("nps").newAggregator()));
  }

  @Test
  void aScorecardReportsDriversPerSegment() {
    Scorecard card = Scorecard.builder().kpis(Drivers.ID).segmentBy(Segmenter.attribute("region"))
        .windows(WindowScheme.calendar(WindowScheme.Unit.MONTH, ZoneOffset.UTC)).build();
    respondents(card::accept, "north", 150);
    respondents(card::accept, "south", 60);
    card.endOfInput();
    List<ScorecardRow> rows = card.report().rowsOf(Drivers.ID);
    assertEquals(2, rows.size(), rows.toString());
    for (ScorecardRow r : rows) {
      assertTrue(r.summary().value() > 0);
      assertEquals(16, r.summary().details().size());
    }
  }
}
