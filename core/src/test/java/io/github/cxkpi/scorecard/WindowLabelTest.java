package io.github.cxkpi.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cxkpi.event.Interaction;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Window labels are written out without a formatter (a report labels a window per row); they
 * must be what the formatters give, on every day the windows cover.
 */
class WindowLabelTest {
  @Test
  void labelsAreTheFormattersOnEveryDay() {
    WindowScheme weeks = WindowScheme.calendar(WindowScheme.Unit.ISO_WEEK, ZoneOffset.UTC);
    WindowScheme months = WindowScheme.calendar(WindowScheme.Unit.MONTH, ZoneOffset.UTC);
    DateTimeFormatter yearMonth = DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT);
    LocalDate last = LocalDate.ofInstant(Interaction.MAX_INSTANT, ZoneOffset.UTC).minusDays(1);
    int days = 0;
    for (LocalDate d = LocalDate.ofInstant(Interaction.MIN_INSTANT, ZoneOffset.UTC);
        !d.isAfter(last); d = d.plusDays(1), days++) {
      java.time.Instant noon = d.atStartOfDay(ZoneOffset.UTC).plusHours(12).toInstant();
      LocalDate monday = d.with(java.time.temporal.TemporalAdjusters.previousOrSame(
          java.time.DayOfWeek.MONDAY));
      assertEquals(String.format(Locale.ROOT, "%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
          monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)), weeks.paneOf(noon).label(), d::toString);
      assertEquals(d.withDayOfMonth(1).format(yearMonth), months.paneOf(noon).label(),
          d::toString);
    }
    assertEquals(84_006, days); // 1970-01-01 to 2199-12-31
  }
}
