package io.github.cxkpi.scorecard;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A scorecard's output: its rows (segment, window, KPI order) and what it counted on the way.
 *
 * @param rows the rows
 * @param interactions interactions offered
 * @param late interactions that came later than the allowed lateness: counted, not used
 * @param unused interactions that no KPI consumed (e.g. answers to a question no KPI asks)
 * @param scheme the window scheme
 * @param level the confidence level of the intervals
 * @since 0.1.0
 */
public record ScorecardReport(
    List<ScorecardRow> rows, long interactions, long late, long unused, WindowScheme scheme,
    double level) {
  /**
   * Copies the rows.
   *
   * @param rows the rows
   * @param interactions interactions offered
   * @param late interactions that came later than the allowed lateness: counted, not used
   * @param unused interactions that no KPI consumed (e.g. answers to a question no KPI asks)
   * @param scheme the window scheme
   * @param level the confidence level of the intervals
   */
  public ScorecardReport {
    rows = List.copyOf(rows);
    Objects.requireNonNull(scheme, "scheme is null");
  }

  /**
   * The rows of one KPI.
   *
   * @param kpiId the KPI's id
   * @return its rows, in segment and window order
   */
  public List<ScorecardRow> rowsOf(String kpiId) {
    return rows.stream().filter(r -> r.kpiId().equals(kpiId)).collect(Collectors.toList());
  }
}
