package io.github.cxkpi.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cxkpi.scorecard.ScorecardReport;
import io.github.cxkpi.scorecard.ScorecardRow;
import io.github.cxkpi.spi.KpiDetail;
import io.github.cxkpi.stats.Difference;
import io.github.cxkpi.stats.Interval;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;

/** Writes a scorecard report as a table, CSV or JSON (HTML: {@link HtmlReport}). */
final class Writers {
  private Writers() {}

  static String num(double v, int decimals) {
    return Double.isNaN(v) ? "" : Decimals.fixed(v, decimals);
  }

  static void table(ScorecardReport report, Summary summary, PrintWriter out) {
    int pct = (int) Math.round(report.level() * 100);
    out.printf(Locale.ROOT, "%-28s %-20s %-10s %8s %8s %20s %8s %9s%n", "segment", "window", "kpi",
        "n", "value", pct + "% CI", "change", "p");
    for (ScorecardRow r : report.rows()) {
      Difference c = r.change();
      out.printf(Locale.ROOT, "%-28s %-20s %-10s %8d %8s %20s %8s %9s%s%n",
          clip(r.segment().label(), 28), clip(r.window().label(), 20), r.kpiId(),
          r.summary().n(), num(r.summary().value(), 1), interval(r.summary().interval(), 1),
          c == null ? "" : (c.estimate() >= 0 ? "+" : "") + num(c.estimate(), 1),
          c == null ? "" : pValue(c.pValue()),
          r.summary().smallSample() ? "  small sample" : "");
      // A detail row spans the segment, window and KPI columns with its group and name.
      for (KpiDetail d : r.summary().details()) {
        out.printf(Locale.ROOT, "%-60s %8s %8s %20s%n", clip("    " + d.group() + " " + d.name(), 60),
            "", num(d.value(), 1), interval(d.interval(), 1));
      }
    }
    out.println();
    out.println(summary.line(report));
    out.flush();
  }

  /** {@code [lower, upper]}, or nothing when the figure has no interval. */
  static String interval(Interval i, int decimals) {
    return i.isDefined() ? "[" + num(i.lower(), decimals) + ", " + num(i.upper(), decimals) + "]"
        : "";
  }

  /** A p-value, or nothing when the comparison has no test (NaN). */
  static String pValue(double p) {
    return Double.isNaN(p) ? "" : String.format(Locale.ROOT, "%.3g", p);
  }

  private static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "~";
  }

  static void csv(ScorecardReport report, Appendable out) throws IOException {
    // Not closed: the caller's stream may be standard output.
    out.append(csvRecord("segment", "window", "window_start", "window_end", "kpi", "n", "value",
        "lower", "upper", "level", "small_sample", "change", "change_lower", "change_upper",
        "change_p", "detail"));
    String level = Double.toString(report.level());
    for (ScorecardRow r : report.rows()) {
      Difference c = r.change();
      String start = FastInstant.text(r.window().start());
      String end = FastInstant.text(r.window().end());
      String n = Long.toString(r.summary().n());
      String small = Boolean.toString(r.summary().smallSample());
      out.append(csvRecord(r.segment().label(), r.window().label(), start, end, r.kpiId(), n,
          num(r.summary().value(), 6), num(r.summary().interval().lower(), 6),
          num(r.summary().interval().upper(), 6), level, small,
          c == null ? "" : num(c.estimate(), 6), c == null ? "" : num(c.interval().lower(), 6),
          c == null ? "" : num(c.interval().upper(), 6),
          c == null || Double.isNaN(c.pValue()) ? "" : Double.toString(c.pValue()), ""));
      for (KpiDetail d : r.summary().details()) {
        out.append(csvRecord(r.segment().label(), r.window().label(), start, end, r.kpiId(), n,
            num(d.value(), 6), num(d.interval().lower(), 6), num(d.interval().upper(), 6), level,
            small, "", "", "", "", d.group() + ":" + d.name()));
      }
    }
  }

  /**
   * One CSV record as Commons CSV's {@code CSVFormat.DEFAULT} prints it (a test holds the two
   * to the same text on random fields): comma-separated, CRLF-terminated, a field quoted when
   * it holds a comma, a quote, CR or LF, starts with a character up to {@code #}, ends with one
   * up to a space, or is empty and first; quotes doubled inside. Written here rather than by its
   * {@code CSVPrinter} because the printer's first few thousand fields, run cold, cost a
   * report about 15 ms, as much as the rest of the writing.
   */
  static String csvRecord(String... fields) {
    StringBuilder b = new StringBuilder(16 * fields.length);
    for (int f = 0; f < fields.length; f++) {
      if (f > 0) {
        b.append(',');
      }
      String v = fields[f];
      if (!needsQuotes(v, f == 0)) {
        b.append(v);
        continue;
      }
      b.append('"');
      for (int i = 0; i < v.length(); i++) {
        char c = v.charAt(i);
        if (c == '"') {
          b.append('"');
        }
        b.append(c);
      }
      b.append('"');
    }
    return b.append("\r\n").toString();
  }

  private static boolean needsQuotes(String v, boolean first) {
    if (v.isEmpty()) {
      return first; // an empty first field alone would read as an empty line
    }
    if (v.charAt(0) <= '#' || v.charAt(v.length() - 1) <= ' ') {
      return true;
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == ',' || c == '"' || c == '\r' || c == '\n') {
        return true;
      }
    }
    return false;
  }

  static void json(ScorecardReport report, Summary summary, Appendable out) throws IOException {
    ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = m.createObjectNode();
    root.put("interactions", report.interactions());
    root.put("late", report.late());
    root.put("unused", report.unused());
    root.put("badRows", summary.badRows());
    root.put("windows", report.scheme().toString());
    root.put("level", report.level());
    ArrayNode rows = root.putArray("rows");
    for (ScorecardRow r : report.rows()) {
      ObjectNode o = rows.addObject();
      o.put("segment", r.segment().label());
      ObjectNode w = o.putObject("window");
      w.put("label", r.window().label());
      w.put("start", FastInstant.text(r.window().start()));
      w.put("end", FastInstant.text(r.window().end()));
      o.put("kpi", r.kpiId());
      o.put("n", r.summary().n());
      putNumber(o, "value", r.summary().value());
      putNumber(o, "lower", r.summary().interval().lower());
      putNumber(o, "upper", r.summary().interval().upper());
      o.put("smallSample", r.summary().smallSample());
      Difference c = r.change();
      if (c != null) {
        ObjectNode ch = o.putObject("change");
        putNumber(ch, "estimate", c.estimate());
        putNumber(ch, "lower", c.interval().lower());
        putNumber(ch, "upper", c.interval().upper());
        putNumber(ch, "pValue", c.pValue());
      }
      if (!r.summary().details().isEmpty()) {
        ArrayNode details = o.putArray("details");
        for (KpiDetail d : r.summary().details()) {
          ObjectNode dn = details.addObject();
          dn.put("group", d.group());
          dn.put("name", d.name());
          putNumber(dn, "value", d.value());
          putNumber(dn, "lower", d.interval().lower());
          putNumber(dn, "upper", d.interval().upper());
        }
      }
    }
    out.append(m.writeValueAsString(root)).append('\n');
  }

  private static void putNumber(ObjectNode o, String name, double v) {
    if (Double.isFinite(v)) {
      o.put(name, v);
    } else {
      o.putNull(name);
    }
  }

  /** What the reading counted, for the summary line. */
  record Summary(long rows, long badRows, long seconds) {
    String line(ScorecardReport report) {
      return String.format(Locale.ROOT, "%,d rows read: %,d interactions, %,d bad rows skipped, "
          + "%,d late, %,d consumed by no KPI; windows: %s", rows, report.interactions(),
          badRows, report.late(), report.unused(), report.scheme());
    }
  }
}
