package io.github.cxkpi.event;

import io.github.cxkpi.scorecard.Window;
import io.github.cxkpi.testing.RecordEquality;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The written-out equals and hashCode of core records: equal exactly when every component is. */
class RecordEqualityTest {
  @Test
  void channel() {
    RecordEquality.check(Channel.WEB, List.of(Channel.APP, Channel.of("Web2")));
  }

  @Test
  void window() {
    Instant a = Instant.parse("2026-01-05T00:00:00Z");
    Instant b = Instant.parse("2026-01-12T00:00:00Z");
    RecordEquality.check(new Window(a, b, "2026-W02"), List.of(
        new Window(a.minusSeconds(1), b, "2026-W02"),
        new Window(a, b.plusMillis(1), "2026-W02"),
        new Window(a, b, "2026-W02 ")));
  }
}
