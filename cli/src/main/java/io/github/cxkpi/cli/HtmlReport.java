package io.github.cxkpi.cli;

import io.github.cxkpi.scorecard.ScorecardReport;
import io.github.cxkpi.scorecard.ScorecardRow;
import io.github.cxkpi.scorecard.SegmentKey;
import io.github.cxkpi.scorecard.Window;
import io.github.cxkpi.spi.KpiDetail;
import io.github.cxkpi.spi.KpiRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * A self-contained HTML page (well-formed XHTML, no script, nothing fetched at view time) with
 * a trend chart per KPI drawn in inline SVG: one line per segment, its confidence interval as a
 * band, small samples drawn as hollow points.
 */
final class HtmlReport {
  private static final String[] COLORS = {
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"
  };
  private static final int W = 820;
  private static final int H = 320;
  private static final int LEFT = 60;
  private static final int RIGHT = 20;
  private static final int TOP = 20;
  private static final int BOTTOM = 70;

  private HtmlReport() {}

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  private static String f(double v) {
    return Decimals.fixed(v, 1);
  }

  static String render(ScorecardReport report, KpiRegistry registry, String summaryLine) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
        .append("<meta charset=\"utf-8\"/>\n<title>cxkpi scorecard</title>\n")
        .append("<style>body{font-family:system-ui,sans-serif;margin:2em;color:#222}")
        .append("h2{margin-top:2em}table{border-collapse:collapse;font-size:13px}")
        .append("td,th{padding:2px 8px;border-bottom:1px solid #ddd;text-align:right}")
        .append("td.l,th.l{text-align:left}.small{color:#a00}svg text{font-size:11px}")
        .append("</style>\n</head>\n<body>\n<h1>cxkpi scorecard</h1>\n<p>")
        .append(escape(summaryLine)).append("</p>\n");
    int pct = (int) Math.round(report.level() * 100);
    Map<String, List<ScorecardRow>> byKpi = new LinkedHashMap<>();
    for (ScorecardRow r : report.rows()) {
      byKpi.computeIfAbsent(r.kpiId(), k -> new ArrayList<>()).add(r);
    }
    for (Map.Entry<String, List<ScorecardRow>> e : byKpi.entrySet()) {
      String name = registry.find(e.getKey()).map(p -> p.displayName()).orElse(e.getKey());
      h.append("<h2 id=\"kpi-").append(escape(e.getKey())).append("\">").append(escape(name))
          .append("</h2>\n");
      chart(h, e.getKey(), e.getValue(), pct);
      table(h, e.getValue(), pct);
      details(h, e.getKey(), e.getValue(), pct);
    }
    h.append("<p>Bands: ").append(pct).append("% confidence intervals. Hollow points: small ")
        .append("samples (below the KPI's reporting threshold). Change: against the previous ")
        .append("window (for rolling windows, the previous non-overlapping one).</p>\n")
        .append("</body>\n</html>\n");
    return h.toString();
  }

  private static void chart(StringBuilder h, String kpi, List<ScorecardRow> rows, int pct) {
    TreeSet<Window> windows = new TreeSet<>();
    LinkedHashSet<SegmentKey> segments = new LinkedHashSet<>();
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (ScorecardRow r : rows) {
      windows.add(r.window());
      segments.add(r.segment());
      for (double v : new double[] {r.summary().value(), r.summary().interval().lower(),
          r.summary().interval().upper()}) {
        if (Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (!(hi >= lo)) {
      lo = 0;
      hi = 1;
    }
    if (hi == lo) {
      hi = lo + 1;
    }
    double pad = (hi - lo) * 0.05;
    final double yMin = lo - pad;
    final double yMax = hi + pad;
    List<Window> xs = new ArrayList<>(windows);
    double plotW = W - LEFT - RIGHT;
    double plotH = H - TOP - BOTTOM;
    java.util.function.IntToDoubleFunction x =
        i -> LEFT + (xs.size() == 1 ? plotW / 2 : plotW * i / (xs.size() - 1));
    java.util.function.DoubleUnaryOperator y = v -> TOP + plotH * (yMax - v) / (yMax - yMin);
    h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" data-kpi=\"")
        .append(escape(kpi)).append("\" width=\"").append(W).append("\" height=\"").append(H)
        .append("\" viewBox=\"0 0 ").append(W).append(' ').append(H).append("\">\n");
    h.append("<title>").append(escape(kpi)).append(" by window and segment</title>\n");
    // Axes, y ticks and x labels.
    h.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"")
        .append(LEFT).append("\" y2=\"").append(f(TOP + plotH)).append("\" stroke=\"#888\"/>\n");
    h.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(f(TOP + plotH))
        .append("\" x2=\"").append(W - RIGHT).append("\" y2=\"").append(f(TOP + plotH))
        .append("\" stroke=\"#888\"/>\n");
    for (int t = 0; t <= 4; t++) {
      double v = yMin + (yMax - yMin) * t / 4;
      h.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(f(y.applyAsDouble(v) + 4))
          .append("\" text-anchor=\"end\">").append(f(v)).append("</text>\n");
    }
    int step = Math.max(1, xs.size() / 16);
    for (int i = 0; i < xs.size(); i += step) {
      double px = x.applyAsDouble(i);
      h.append("<text x=\"").append(f(px)).append("\" y=\"").append(f(TOP + plotH + 12))
          .append("\" text-anchor=\"end\" transform=\"rotate(-40 ").append(f(px)).append(' ')
          .append(f(TOP + plotH + 12)).append(")\">").append(escape(xs.get(i).label()))
          .append("</text>\n");
    }
    int s = 0;
    for (SegmentKey segment : segments) {
      String color = COLORS[s % COLORS.length];
      List<ScorecardRow> series = rows.stream().filter(r -> r.segment().equals(segment))
          .sorted((a, b) -> a.window().compareTo(b.window())).toList();
      StringBuilder upper = new StringBuilder();
      StringBuilder lower = new StringBuilder();
      StringBuilder line = new StringBuilder();
      for (ScorecardRow r : series) {
        double px = x.applyAsDouble(xs.indexOf(r.window()));
        if (Double.isFinite(r.summary().interval().lower())) {
          upper.append(f(px)).append(',').append(f(y.applyAsDouble(r.summary().interval().upper())))
              .append(' ');
          lower.insert(0, f(px) + "," + f(y.applyAsDouble(r.summary().interval().lower())) + " ");
        }
        line.append(f(px)).append(',').append(f(y.applyAsDouble(r.summary().value()))).append(' ');
      }
      h.append("<g class=\"series\" data-segment=\"").append(escape(segment.label())).append("\">\n");
      if (upper.length() > 0) {
        h.append("<polygon class=\"band\" points=\"").append(upper).append(lower.toString().trim())
            .append("\" fill=\"").append(color).append("\" fill-opacity=\"0.15\" stroke=\"none\"/>\n");
      }
      h.append("<polyline points=\"").append(line.toString().trim()).append("\" fill=\"none\" ")
          .append("stroke=\"").append(color).append("\" stroke-width=\"2\"/>\n");
      for (ScorecardRow r : series) {
        double px = x.applyAsDouble(xs.indexOf(r.window()));
        boolean small = r.summary().smallSample();
        h.append("<circle cx=\"").append(f(px)).append("\" cy=\"")
            .append(f(y.applyAsDouble(r.summary().value()))).append("\" r=\"3.5\" ")
            .append(small ? "class=\"small\" fill=\"white\" " : "fill=\"" + color + "\" ")
            .append("stroke=\"").append(color).append("\"><title>")
            .append(escape(segment.label() + ", " + r.window().label() + ": " + f(r.summary().value())
                + " [" + f(r.summary().interval().lower()) + ", "
                + f(r.summary().interval().upper()) + "], n=" + r.summary().n()
                + (small ? ", small sample" : "")))
            .append("</title></circle>\n");
      }
      h.append("</g>\n");
      legend(h, W - RIGHT - 150, TOP + 4 + 14 * s, color, segment.label());
      s++;
    }
    h.append("</svg>\n");
  }

  private static void table(StringBuilder h, List<ScorecardRow> rows, int pct) {
    h.append("<table>\n<tr><th class=\"l\">segment</th><th class=\"l\">window</th><th>n</th>")
        .append("<th>value</th><th>").append(pct).append("% CI</th><th>change</th><th>p</th>")
        .append("<th class=\"l\"></th></tr>\n");
    for (ScorecardRow r : rows) {
      var c = r.change();
      h.append("<tr><td class=\"l\">").append(escape(r.segment().label())).append("</td>")
          .append("<td class=\"l\">").append(escape(r.window().label())).append("</td><td>")
          .append(r.summary().n()).append("</td><td>").append(Writers.num(r.summary().value(), 1))
          .append("</td><td>").append(Writers.interval(r.summary().interval(), 1)).append("</td><td>")
          .append(c == null ? "" : Writers.num(c.estimate(), 1)).append("</td><td>")
          .append(c == null ? "" : Writers.pValue(c.pValue()))
          .append("</td><td class=\"l small\">")
          .append(r.summary().smallSample() ? "small sample" : "").append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  /**
   * The KPI's details: for each segment its latest window's figures, drawn as a scatter when two
   * groups name the same figures (importance against performance), else one dot plot per group
   * with a dot and interval per segment; then a table of every row's details.
   */
  private static void details(StringBuilder h, String kpi, List<ScorecardRow> rows, int pct) {
    Map<SegmentKey, ScorecardRow> latest = new LinkedHashMap<>();
    for (ScorecardRow r : rows) {
      if (!r.summary().details().isEmpty()) {
        latest.merge(r.segment(), r, (a, b) -> a.window().compareTo(b.window()) >= 0 ? a : b);
      }
    }
    if (latest.isEmpty()) {
      return;
    }
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (ScorecardRow r : latest.values()) {
      for (KpiDetail d : r.summary().details()) {
        List<String> names = groups.computeIfAbsent(d.group(), g -> new ArrayList<>());
        if (!names.contains(d.name())) {
          names.add(d.name());
        }
      }
    }
    List<String> groupNames = new ArrayList<>(groups.keySet());
    if (groupNames.size() == 2
        && new TreeSet<>(groups.get(groupNames.get(0))).equals(
            new TreeSet<>(groups.get(groupNames.get(1))))) {
      int s = 0;
      for (ScorecardRow r : latest.values()) {
        scatter(h, kpi, r, groupNames.get(0), groupNames.get(1), COLORS[s++ % COLORS.length]);
      }
    } else {
      for (String group : groupNames) {
        dots(h, kpi, group, groups.get(group), latest, pct);
      }
    }
    h.append("<table class=\"details\">\n<tr><th class=\"l\">segment</th><th class=\"l\">")
        .append("window</th><th class=\"l\">group</th><th class=\"l\">figure</th>")
        .append("<th>value</th><th>").append(pct).append("% CI</th></tr>\n");
    for (ScorecardRow r : rows) {
      for (KpiDetail d : r.summary().details()) {
        h.append("<tr><td class=\"l\">").append(escape(r.segment().label()))
            .append("</td><td class=\"l\">").append(escape(r.window().label()))
            .append("</td><td class=\"l\">").append(escape(d.group()))
            .append("</td><td class=\"l\">").append(escape(d.name())).append("</td><td>")
            .append(Writers.num(d.value(), 2)).append("</td><td>")
            .append(Writers.interval(d.interval(), 2))
            .append("</td></tr>\n");
      }
    }
    h.append("</table>\n");
  }

  /** The finite values among the figures and their bounds, padded; [0, 1] when none. */
  private static double[] range(List<KpiDetail> figures) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (KpiDetail d : figures) {
      for (double v : new double[] {d.value(), d.interval().lower(), d.interval().upper()}) {
        if (Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (!(hi >= lo)) {
      return new double[] {0, 1};
    }
    double pad = hi == lo ? 0.5 : (hi - lo) * 0.05;
    return new double[] {lo - pad, hi + pad};
  }

  private static void svgOpen(StringBuilder h, String cls, String kpi, int height, String title) {
    h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"").append(cls)
        .append("\" data-kpi=\"").append(escape(kpi)).append("\" width=\"").append(W)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(W).append(' ')
        .append(height).append("\">\n<title>").append(escape(title)).append("</title>\n")
        .append("<text x=\"").append(LEFT).append("\" y=\"14\">").append(escape(title))
        .append("</text>\n");
  }

  /** One segment's figures: x from the first group, y from the second, one point per name. */
  private static void scatter(StringBuilder h, String kpi, ScorecardRow row, String xGroup,
      String yGroup, String color) {
    Map<String, KpiDetail> xs = new LinkedHashMap<>();
    Map<String, KpiDetail> ys = new LinkedHashMap<>();
    for (KpiDetail d : row.summary().details()) {
      if (d.group().equals(xGroup)) {
        xs.put(d.name(), d);
      } else if (d.group().equals(yGroup)) {
        ys.put(d.name(), d);
      }
    }
    double[] rx = range(new ArrayList<>(xs.values()));
    double[] ry = range(new ArrayList<>(ys.values()));
    double plotW = W - LEFT - RIGHT - 160;
    double plotH = H - TOP - 50;
    java.util.function.DoubleUnaryOperator px = v -> LEFT + plotW * (v - rx[0]) / (rx[1] - rx[0]);
    java.util.function.DoubleUnaryOperator py = v -> TOP + plotH * (ry[1] - v) / (ry[1] - ry[0]);
    svgOpen(h, "scatter", kpi, H, row.segment().label() + ", " + row.window().label() + ": "
        + yGroup + " against " + xGroup);
    double bottom = TOP + plotH;
    h.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"")
        .append(LEFT).append("\" y2=\"").append(f(bottom)).append("\" stroke=\"#888\"/>\n")
        .append("<line x1=\"").append(LEFT).append("\" y1=\"").append(f(bottom))
        .append("\" x2=\"").append(f(LEFT + plotW)).append("\" y2=\"").append(f(bottom))
        .append("\" stroke=\"#888\"/>\n");
    // Dashed lines at the means of both axes: the quadrants of an importance-performance map.
    double mx = xs.values().stream().mapToDouble(KpiDetail::value).filter(Double::isFinite)
        .average().orElse(Double.NaN);
    double my = ys.values().stream().mapToDouble(KpiDetail::value).filter(Double::isFinite)
        .average().orElse(Double.NaN);
    if (Double.isFinite(mx) && Double.isFinite(my)) {
      h.append("<line class=\"quadrant\" x1=\"").append(f(px.applyAsDouble(mx)))
          .append("\" y1=\"").append(TOP).append("\" x2=\"").append(f(px.applyAsDouble(mx)))
          .append("\" y2=\"").append(f(bottom)).append("\" stroke=\"#bbb\" ")
          .append("stroke-dasharray=\"4 3\"/>\n<line class=\"quadrant\" x1=\"").append(LEFT)
          .append("\" y1=\"").append(f(py.applyAsDouble(my))).append("\" x2=\"")
          .append(f(LEFT + plotW)).append("\" y2=\"").append(f(py.applyAsDouble(my)))
          .append("\" stroke=\"#bbb\" stroke-dasharray=\"4 3\"/>\n");
    }
    for (int t = 0; t <= 4; t++) {
      double vx = rx[0] + (rx[1] - rx[0]) * t / 4;
      double vy = ry[0] + (ry[1] - ry[0]) * t / 4;
      h.append("<text x=\"").append(f(px.applyAsDouble(vx))).append("\" y=\"")
          .append(f(bottom + 14)).append("\" text-anchor=\"middle\">").append(f2(vx))
          .append("</text>\n<text x=\"").append(LEFT - 6).append("\" y=\"")
          .append(f(py.applyAsDouble(vy) + 4)).append("\" text-anchor=\"end\">").append(f2(vy))
          .append("</text>\n");
    }
    h.append("<text x=\"").append(f(LEFT + plotW / 2)).append("\" y=\"").append(f(bottom + 30))
        .append("\" text-anchor=\"middle\">").append(escape(xGroup)).append("</text>\n")
        .append("<text x=\"14\" y=\"").append(f(TOP + plotH / 2)).append("\" transform=\"")
        .append("rotate(-90 14 ").append(f(TOP + plotH / 2)).append(")\" text-anchor=\"middle\">")
        .append(escape(yGroup)).append("</text>\n");
    for (Map.Entry<String, KpiDetail> e : xs.entrySet()) {
      KpiDetail y = ys.get(e.getKey());
      if (y == null || !Double.isFinite(e.getValue().value()) || !Double.isFinite(y.value())) {
        continue;
      }
      double cx = px.applyAsDouble(e.getValue().value());
      double cy = py.applyAsDouble(y.value());
      h.append("<circle cx=\"").append(f(cx)).append("\" cy=\"").append(f(cy))
          .append("\" r=\"4\" fill=\"").append(color).append("\"><title>")
          .append(escape(e.getKey() + ": " + xGroup + " " + f2(e.getValue().value()) + ", "
              + yGroup + " " + f2(y.value())))
          .append("</title></circle>\n<text x=\"").append(f(cx + 6)).append("\" y=\"")
          .append(f(cy + 4)).append("\">").append(escape(e.getKey())).append("</text>\n");
    }
    h.append("</svg>\n");
  }

  /** One group's figures: a row per name, a dot and interval per segment. */
  private static void dots(StringBuilder h, String kpi, String group, List<String> names,
      Map<SegmentKey, ScorecardRow> latest, int pct) {
    List<KpiDetail> all = new ArrayList<>();
    for (ScorecardRow r : latest.values()) {
      r.summary().details().stream().filter(d -> d.group().equals(group)).forEach(all::add);
    }
    double[] rx = range(all);
    int rowH = 18;
    int height = TOP + 30 + rowH * names.size() * Math.max(1, Math.min(latest.size(), 4)) + 30;
    int labelW = 160;
    double plotW = W - labelW - RIGHT - 150;
    java.util.function.DoubleUnaryOperator px = v -> labelW + plotW * (v - rx[0]) / (rx[1] - rx[0]);
    svgOpen(h, "dots", kpi, height, group + " by segment (latest window), " + pct + "% intervals");
    int bandH = rowH * Math.max(1, Math.min(latest.size(), 4));
    double bottom = TOP + 20 + bandH * names.size();
    for (int i = 0; i < names.size(); i++) {
      h.append("<text x=\"").append(labelW - 8).append("\" y=\"")
          .append(f(TOP + 20 + bandH * i + bandH / 2.0 + 4)).append("\" text-anchor=\"end\">")
          .append(escape(names.get(i))).append("</text>\n");
    }
    for (int t = 0; t <= 4; t++) {
      double v = rx[0] + (rx[1] - rx[0]) * t / 4;
      h.append("<text x=\"").append(f(px.applyAsDouble(v))).append("\" y=\"")
          .append(f(bottom + 14)).append("\" text-anchor=\"middle\">").append(f2(v))
          .append("</text>\n");
    }
    int s = 0;
    for (ScorecardRow r : latest.values()) {
      String color = COLORS[s % COLORS.length];
      double offset = (s % 4 + 0.5) * rowH;
      h.append("<g class=\"series\" data-segment=\"").append(escape(r.segment().label()))
          .append("\">\n");
      for (KpiDetail d : r.summary().details()) {
        int i = names.indexOf(d.name());
        if (!d.group().equals(group) || i < 0 || !Double.isFinite(d.value())) {
          continue;
        }
        double cy = TOP + 20 + bandH * i + offset;
        if (d.interval().isDefined() && Double.isFinite(d.interval().lower())
            && Double.isFinite(d.interval().upper())) {
          h.append("<line x1=\"").append(f(px.applyAsDouble(d.interval().lower())))
              .append("\" y1=\"").append(f(cy)).append("\" x2=\"")
              .append(f(px.applyAsDouble(d.interval().upper()))).append("\" y2=\"").append(f(cy))
              .append("\" stroke=\"").append(color).append("\"/>\n");
        }
        h.append("<circle cx=\"").append(f(px.applyAsDouble(d.value()))).append("\" cy=\"")
            .append(f(cy)).append("\" r=\"3.5\" fill=\"").append(color).append("\"><title>")
            .append(escape(r.segment().label() + ", " + d.name() + ": " + f2(d.value())))
            .append("</title></circle>\n");
      }
      h.append("</g>\n");
      legend(h, W - RIGHT - 140, TOP + 24 + 14 * s, color, r.segment().label());
      s++;
    }
    h.append("</svg>\n");
  }

  /** One legend entry: a colour swatch at (x, y) and its label. */
  private static void legend(StringBuilder h, int x, int y, String color, String label) {
    h.append("<rect x=\"").append(x).append("\" y=\"").append(y)
        .append("\" width=\"10\" height=\"10\" fill=\"").append(color).append("\"/>")
        .append("<text x=\"").append(x + 15).append("\" y=\"").append(y + 9).append("\">")
        .append(escape(label)).append("</text>\n");
  }

  private static String f2(double v) {
    return String.format(Locale.ROOT, "%.3g", v);
  }
}
