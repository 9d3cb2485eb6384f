package io.github.cxkpi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.scorecard.ScorecardReport;
import io.github.cxkpi.scorecard.ScorecardRow;
import io.github.cxkpi.scorecard.SegmentKey;
import io.github.cxkpi.scorecard.Window;
import io.github.cxkpi.scorecard.WindowScheme;
import io.github.cxkpi.spi.KpiDetail;
import io.github.cxkpi.spi.KpiRegistry;
import io.github.cxkpi.spi.KpiSummary;
import io.github.cxkpi.stats.Interval;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The details of a summary in every output format: every figure appears, none is dropped. */
class DetailsReportTest {
  private static final Window W1 = new Window(Instant.parse("2026-01-05T00:00:00Z"),
      Instant.parse("2026-01-12T00:00:00Z"), "2026-W02");
  private static final Window W2 = new Window(Instant.parse("2026-01-12T00:00:00Z"),
      Instant.parse("2026-01-19T00:00:00Z"), "2026-W03");

  private static ScorecardReport report() {
    List<KpiDetail> quantiles = List.of(new KpiDetail("quantile", "p50", 40, new Interval(35, 44)),
        new KpiDetail("quantile", "p90", 120, new Interval(100, 150)),
        new KpiDetail("service level", "20s", 0.81, new Interval(0.78, 0.84)));
    List<KpiDetail> drivers = List.of(KpiDetail.of("importance", "speed", 0.20),
        KpiDetail.of("importance", "competence", 0.10),
        new KpiDetail("performance", "competence", 8.1, new Interval(7.9, 8.3)),
        new KpiDetail("performance", "speed", 6.5, new Interval(6.2, 6.8)));
    List<ScorecardRow> rows = List.of(
        new ScorecardRow(SegmentKey.of("chat"), W1,
            new KpiSummary("frt", 50, 61, new Interval(50, 72), 0.95, false, quantiles), null),
        new ScorecardRow(SegmentKey.of("chat"), W2, new KpiSummary("frt", 40, 55,
            new Interval(45, 65), 0.95, false, quantiles.subList(0, 2)), null),
        new ScorecardRow(SegmentKey.of("phone"), W2,
            new KpiSummary("frt", 0, Double.NaN, Interval.UNDEFINED, 0.95, true), null),
        new ScorecardRow(SegmentKey.of("chat"), W2,
            new KpiSummary("drivers", 80, 0.30, Interval.UNDEFINED, 0.95, false, drivers), null));
    return new ScorecardReport(rows, 170, 0, 0,
        WindowScheme.calendar(WindowScheme.Unit.ISO_WEEK, ZoneOffset.UTC), 0.95);
  }

  @Test
  void csvHasADetailRowAfterItsHeadlineForEveryFigure() throws Exception {
    StringBuilder out = new StringBuilder();
    Writers.csv(report(), out);
    List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
        .get().parse(new java.io.StringReader(out.toString())).getRecords();
    assertEquals(4 + 3 + 2 + 4, records.size(), out.toString());
    assertEquals("", records.get(0).get("detail"));
    assertEquals("quantile:p50", records.get(1).get("detail"));
    assertEquals("40.000000", records.get(1).get("value"));
    assertEquals("35.000000", records.get(1).get("lower"));
    assertEquals("service level:20s", records.get(3).get("detail"));
    assertEquals("importance:speed", records.get(9).get("detail"));
    assertEquals("", records.get(9).get("lower"), "no interval: empty bounds");
  }

  @Test
  void jsonListsTheDetailsOfARow() throws Exception {
    StringBuilder out = new StringBuilder();
    Writers.json(report(), new Writers.Summary(170, 0, 0), out);
    var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
    assertEquals(3, root.get("rows").get(0).get("details").size());
    assertEquals("p90", root.get("rows").get(0).get("details").get(1).get("name").asText());
    assertEquals(150.0, root.get("rows").get(0).get("details").get(1).get("upper").asDouble());
    assertTrue(root.get("rows").get(2).get("details") == null, "no details, no array");
    assertTrue(root.get("rows").get(3).get("details").get(0).get("lower").isNull());
  }

  @Test
  void theTableShowsEveryFigureUnderItsRow() {
    StringWriter s = new StringWriter();
    Writers.table(report(), new Writers.Summary(170, 0, 0), new PrintWriter(s));
    String text = s.toString();
    assertTrue(text.contains("    quantile p90"), text);
    assertTrue(text.contains("[100.0, 150.0]"), text);
    assertTrue(text.contains("    performance speed"), text);
  }

  @Test
  void htmlDrawsMatchingGroupsAsAScatterAndOtherGroupsAsDotPlots() throws Exception {
    String html = HtmlReport.render(report(), KpiRegistry.load(), "summary");
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    Document doc = f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    NodeList svgs = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg");
    int scatters = 0;
    int dots = 0;
    for (int i = 0; i < svgs.getLength(); i++) {
      Element svg = (Element) svgs.item(i);
      int circles = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "circle").getLength();
      switch (svg.getAttribute("class")) {
        case "scatter" -> {
          scatters++;
          assertEquals("drivers", svg.getAttribute("data-kpi"));
          assertEquals(2, circles, "one point per driver");
        }
        case "dots" -> {
          dots++;
          assertEquals("frt", svg.getAttribute("data-kpi"));
          // The latest window of chat: p50 and p90 only; phone has no details.
          assertEquals(2, circles, svg.getTextContent());
        }
        default -> { }
      }
    }
    assertEquals(1, scatters);
    assertEquals(1, dots, "one dot plot per group of the latest windows: quantile");
    NodeList tables = doc.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "table");
    int detailRows = 0;
    for (int i = 0; i < tables.getLength(); i++) {
      Element t = (Element) tables.item(i);
      if (t.getAttribute("class").equals("details")) {
        detailRows += t.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "tr").getLength() - 1;
      }
    }
    assertEquals(3 + 2 + 4, detailRows, "every row's details, every window");
  }
}
