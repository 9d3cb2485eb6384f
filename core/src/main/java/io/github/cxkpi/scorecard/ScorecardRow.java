package io.github.cxkpi.scorecard;

import io.github.cxkpi.spi.KpiSummary;
import io.github.cxkpi.stats.Difference;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One cell of a scorecard: a KPI in a segment and a window, with its change against the
 * previous window.
 *
 * @param segment the segment
 * @param window the window
 * @param summary the KPI's n, value, interval and small-sample flag
 * @param change the change from the previous window ({@code this - previous}) with its test,
 *     or {@code null} when the previous window has no data for this KPI and segment, or when
 *     either window is a small sample (below the KPI's reporting threshold)
 *
 * @since 0.1.0
 */
public record ScorecardRow(
    SegmentKey segment, Window window, KpiSummary summary, @Nullable Difference change) {
  /**
   * Checks the fields.
   *
   * @param segment the segment
   * @param window the window
   * @param summary the KPI's n, value, interval and small-sample flag
   * @param change the change from the previous window ({@code this - previous}) with its test, or
   *     {@code null} when the previous window has no data for this KPI and segment, or when either
   *     window is a small sample (below the KPI's reporting threshold)
   */
  public ScorecardRow {
    Objects.requireNonNull(segment, "segment is null");
    Objects.requireNonNull(window, "window is null");
    Objects.requireNonNull(summary, "summary is null");
  }

  /**
   * The KPI's id.
   *
   * @return the id
   */
  public String kpiId() {
    return summary.kpiId();
  }
}
