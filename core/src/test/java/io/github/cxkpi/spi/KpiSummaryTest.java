package io.github.cxkpi.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.stats.Interval;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KpiSummaryTest {
  @Test
  void theHeadlineOnlyConstructorHasNoDetails() {
    KpiSummary s = new KpiSummary("nps", 10, 20.0, new Interval(10, 30), 0.95, false);
    assertEquals(List.of(), s.details());
    assertEquals("nps 20.00 [10.00, 30.00] n=10", s.toString());
  }

  @Test
  void detailsAreCopiedAndCannotBeChanged() {
    List<KpiDetail> source = new ArrayList<>();
    source.add(new KpiDetail("quantile", "p90", 412, new Interval(398, 430)));
    KpiSummary s = new KpiSummary("frt", 3, 100, Interval.UNDEFINED, 0.95, true, source);
    source.add(KpiDetail.of("quantile", "p99", 900));
    assertEquals(1, s.details().size(), "the caller's list is copied");
    assertThrows(UnsupportedOperationException.class,
        () -> s.details().add(KpiDetail.of("x", "y", 1)));
    assertEquals("frt 100.0 n=3 (small sample); quantile p90 412.0 [398.0, 430.0]", s.toString());
  }

  @Test
  void aDetailNamesItsGroupAndFigure() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KpiDetail.of(" ", "p90", 1));
    assertTrue(e.getMessage().contains("group"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> KpiDetail.of("quantile", "", 1));
    assertThrows(NullPointerException.class, () -> new KpiDetail("q", "p", 1, null));
    assertThrows(NullPointerException.class,
        () -> new KpiSummary("x", 1, 1, Interval.UNDEFINED, 0.95, false, null));
    assertEquals("importance speed 0.1235", KpiDetail.of("importance", "speed", 0.12345).toString());
  }
}
