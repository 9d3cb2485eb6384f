package io.github.cxkpi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The command line end to end. */
class CliTest {

  /** What a run printed. */
  record Run(int code, String out, String err) {}

  static Run run(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theSampleReportAgreesWithAnIndependentCount() throws Exception {
    Run r = run("", "report", "--sample", "--format", "json", "--quiet");
    assertEquals(0, r.code(), r.err());
    JsonNode root = new ObjectMapper().readTree(r.out());
    // The 18 respondents without a wave were left out when the sample was converted.
    assertEquals(0, root.get("badRows").asLong());
    assertEquals(27_872, root.get("interactions").asLong());
    assertTrue(!r.err().contains("line "), "no error lines: " + r.err());
    // Count NPS and CSAT per ISO week straight from the bundled file, without cxkpi.
    Map<String, long[]> nps = new HashMap<>();
    Map<String, long[]> csat = new HashMap<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
        Main.class.getClassLoader().getResourceAsStream("samples/botanic.csv.gz")),
        StandardCharsets.UTF_8))) {
      in.readLine();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] f = line.split(",", -1);
        if (f[2].isEmpty() || f[7].isEmpty()) {
          continue;
        }
        LocalDate d = Instant.parse(f[2]).atZone(ZoneOffset.UTC).toLocalDate();
        String week = String.format("%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR),
            d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        int score = Integer.parseInt(f[7]);
        long[] c = (f[6].equals("nps") ? nps : csat).computeIfAbsent(week, k -> new long[3]);
        c[0]++;
        if (f[6].equals("nps")) {
          c[1] += score >= 9 ? 1 : 0;
          c[2] += score <= 6 ? 1 : 0;
        } else {
          c[1] += score >= 9 ? 1 : 0; // top two boxes of 1-10
        }
      }
    }
    int checked = 0;
    for (JsonNode row : root.get("rows")) {
      String week = row.get("window").get("label").asText();
      if (row.get("kpi").asText().equals("nps")) {
        long[] c = nps.get(week);
        assertEquals(c[0], row.get("n").asLong(), week);
        assertEquals(100.0 * (c[1] - c[2]) / c[0], row.get("value").asDouble(), 1e-9, week);
        checked++;
      } else if (row.get("kpi").asText().equals("csat")) {
        long[] c = csat.get(week);
        assertEquals(c[0], row.get("n").asLong(), week);
        assertEquals(100.0 * c[1] / c[0], row.get("value").asDouble(), 1e-9, week);
        checked++;
      }
    }
    assertEquals(nps.size() + csat.size(), checked);
  }

  @Test
  void anOutputFileReplacesThePreviousOneLikeAnyNewFile(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("out.csv");
    Files.writeString(csv, "the previous report");
    Run r = run("", "report", "--sample", "--format", "csv", "--output", csv.toString(),
        "--quiet");
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.readString(csv).startsWith("segment,window,"), "the new report");
    try (java.util.stream.Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(csv), files.toList(), "no temporary file is left");
    }
    // Made with the permissions of any new file here (the umask's), not owner-only ones.
    if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Path plain = Files.createFile(dir.resolve("plain"));
      assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(csv));
    }
    Path a = Main.Report.tempBeside(csv);
    Path b = Main.Report.tempBeside(csv);
    assertTrue(!a.equals(b) && Files.exists(a) && Files.exists(b), a + " " + b);
    assertEquals(dir, a.getParent());
    assertTrue(a.getFileName().toString().startsWith(".out.csv."), a.toString());
  }

  @Test
  void theHtmlPageIsWellFormedAndHoldsTheCharts(@TempDir Path dir) throws Exception {
    Path html = dir.resolve("report.html");
    Run r = run("", "report", "--sample", "--segment", "attr:visits", "--format", "html",
        "--output", html.toString(), "--quiet");
    assertEquals(0, r.code(), r.err());
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    Document doc = f.newDocumentBuilder().parse(html.toFile()); // throws if not well-formed
    NodeList svgs = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg");
    List<Element> scoreCharts = new ArrayList<>();
    List<Element> driverCharts = new ArrayList<>();
    for (int i = 0; i < svgs.getLength(); i++) {
      Element svg = (Element) svgs.item(i);
      (svg.getAttribute("data-kpi").equals("drivers") ? driverCharts : scoreCharts).add(svg);
    }
    assertEquals(2, scoreCharts.size(), "one chart per rating KPI: nps and csat");
    // The sample's latest weeks are too small to estimate importance: the drivers' headline
    // chart and its performance dots (DriverReportTest draws the importance-performance map).
    assertFalse(driverCharts.isEmpty(), "the key drivers (nps by csat on the sample) are charted");
    Element nps = scoreCharts.get(0);
    assertEquals("nps", nps.getAttribute("data-kpi"));
    assertEquals(3, nps.getElementsByTagNameNS("http://www.w3.org/2000/svg", "polyline")
        .getLength(), "one line per visits bucket: 1-4, 5-14, 15+");
    assertTrue(nps.getElementsByTagNameNS("http://www.w3.org/2000/svg", "polygon").getLength() >= 3,
        "interval bands");
    String text = Files.readString(html);
    assertTrue(text.contains("class=\"small\""), "small samples are marked");
    assertTrue(!text.contains("http://") || text.replace("http://www.w3.org/", "").indexOf("http") < 0,
        "nothing fetched at view time");
    assertTrue(!text.contains("<script"), "no script");
  }

  @Test
  void badRowsAreSkippedAndCountedOrStopTheRunWithStrict() {
    String csv = "kind,customer_id,instant,question,score\n"
        + "survey,a,2026-01-05T10:00:00Z,nps,10\n"
        + "survey,b,yesterday,nps,9\n"
        + "survey,c,2026-01-05T11:00:00Z,nps,11\n"
        + "survey,d,2026-01-05T12:00:00Z,nps\n"
        + "survey,e,2026-01-05T13:00:00Z,nps,0\n";
    Run lenient = run(csv, "report", "-", "--kpis", "nps", "--quiet");
    assertEquals(0, lenient.code(), lenient.err());
    assertTrue(lenient.err().contains("line 3: instant 'yesterday' is not ISO-8601"), lenient.err());
    assertTrue(lenient.err().contains("line 4: score 11 is outside the scale 0..10"), lenient.err());
    assertTrue(lenient.err().contains("line 5: has 4 fields, the header has 5"), lenient.err());
    assertTrue(lenient.out().contains("5 rows read: 2 interactions, 3 bad rows skipped"),
        lenient.out());
    Run strict = run(csv, "report", "-", "--strict", "--quiet");
    assertEquals(1, strict.code());
    assertTrue(strict.err().contains("line 3: instant 'yesterday'"), strict.err());
    assertTrue(strict.err().contains("--strict"), strict.err());
  }

  @Test
  void jsonLinesFromStandardInputAndCsvOutput() {
    String jsonl = "{\"kind\":\"survey\",\"customer_id\":\"a\",\"instant\":\"2026-02-02T10:00:00Z\","
        + "\"channel\":\"web\",\"question\":\"csat\",\"score\":5}\n"
        + "{\"kind\":\"survey\",\"customer_id\":\"b\",\"instant\":\"2026-02-03T10:00:00Z\","
        + "\"channel\":\"web\",\"question\":\"csat\",\"score\":2,\"attributes\":{\"region\":\"EU\"}}\n"
        + "{\"kind\":\"contact\",\"customer_id\":\"a\",\"instant\":\"2026-02-03T11:00:00Z\","
        + "\"channel\":\"phone\",\"resolved\":true}\n"
        + "[1,2]\n";
    Run r = run(jsonl, "report", "-", "--input-format", "jsonl", "--segment", "channel",
        "--format", "csv", "--quiet");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("segment,window,window_start"), r.out());
    assertTrue(r.out().contains("web,2026-W06,2026-02-02T00:00:00Z,2026-02-09T00:00:00Z,csat,2,"
        + "50.000000"), r.out());
    assertTrue(r.out().contains("phone,2026-W06"), r.out());
    assertTrue(r.err().contains("is not a JSON object"), r.err());
  }

  @Test
  void helpAndBadOptions() {
    Run help = run("", "report", "--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("--segment") && help.out().contains("Examples:"), help.out());
    Run bad = run("", "report", "--sample", "--window", "fortnight", "--quiet");
    assertEquals(Main.USAGE, bad.code());
    assertTrue(bad.err().contains("--window takes day, week, month or rolling:N"), bad.err());
  }

  @Test
  void theSampleTakesAnOptionalNameAndLeavesAFollowingOption() {
    Run bare = run("", "report", "--sample", "--window", "month", "--format", "csv", "--quiet");
    assertEquals(0, bare.code(), bare.err());
    assertTrue(bare.out().contains(",2026-03,") || bare.out().contains("-01T00:00:00Z"),
        bare.out());
    assertFalse(bare.out().contains("-W0"), "monthly windows, not weekly: " + bare.out());
    Run named = run("", "report", "--sample", "itsm", "--kpis", "ttr", "--window", "month",
        "--format", "csv", "--quiet");
    assertEquals(0, named.code(), named.err());
    assertTrue(named.out().contains("ttr"), named.out());
    Run equals = run("", "report", "--sample=itsm", "--kpis=ttr", "--window=month",
        "--format=csv", "-q");
    assertEquals(0, equals.code(), equals.err());
    assertEquals(named.out(), equals.out());
    Run unknown = run("", "report", "--sample", "roses");
    assertEquals(Main.USAGE, unknown.code());
    assertTrue(unknown.err().contains("--sample is botanic or itsm, was 'roses'"), unknown.err());
  }

  @Test
  void repeatedListsAccumulateAndTheInputFormatIgnoresCase() {
    String csv = "kind,customer_id,instant,channel,question,score\n"
        + "survey,a,2026-03-02T10:00:00Z,web,nps,9\n"
        + "survey,b,2026-03-02T10:00:00Z,web,csat,5\n"
        + "survey,c,2026-03-02T10:00:00Z,web,ces,6\n";
    Run once = run(csv, "report", "-", "--kpis", "nps,csat,ces", "--format", "csv", "-q");
    Run repeated = run(csv, "report", "-", "--kpis", "nps", "--kpis", "csat,ces", "--format",
        "csv", "-q");
    assertEquals(0, repeated.code(), repeated.err());
    assertEquals(once.out(), repeated.out());
    assertTrue(repeated.out().contains(",ces,") && repeated.out().contains(",nps,"),
        repeated.out());
    Run onlyNps = run(csv, "report", "-", "--kpis", "nps", "--format", "csv", "-q");
    assertFalse(onlyNps.out().contains(",csat,"), onlyNps.out());
    String jsonl = "{\"kind\":\"survey\",\"customer_id\":\"a\",\"instant\":"
        + "\"2026-03-02T10:00:00Z\",\"channel\":\"web\",\"question\":\"nps\",\"score\":9}\n";
    for (String spelling : List.of("jsonl", "JSONL", "JsonL")) {
      Run r = run(jsonl, "report", "-", "--input-format", spelling, "--format", "json", "-q");
      assertEquals(0, r.code(), spelling + ": " + r.err());
      assertTrue(r.out().contains("\"badRows\" : 0") || r.out().contains("\"badRows\":0"),
          r.out());
    }
    Run xml = run(jsonl, "report", "-", "--input-format", "xml");
    assertEquals(Main.USAGE, xml.code());
    assertTrue(xml.err().contains("'--input-format'") && xml.err().contains("'xml'"), xml.err());
  }

  @Test
  void badValuesAndExtraArgumentsAreUsageErrorsNamingTheOption() {
    Run threads = run("", "report", "-", "--threads", "x");
    assertEquals(Main.USAGE, threads.code());
    assertTrue(threads.err().startsWith("Invalid value for option '--threads': 'x' is not an int"),
        threads.err());
    Run lateness = run("", "report", "-", "--lateness", "24h");
    assertEquals(Main.USAGE, lateness.code());
    assertTrue(lateness.err().startsWith("Invalid value for option '--lateness': '24h'"),
        lateness.err());
    Run level = run("", "report", "-", "--level", "high");
    assertEquals(Main.USAGE, level.code());
    assertTrue(level.err().contains("'--level'"), level.err());
    Run extra = run("", "report", "a.csv", "b.csv");
    assertEquals(Main.USAGE, extra.code());
    assertTrue(extra.err().contains("'b.csv'"), extra.err());
    Run unknown = run("", "report", "-", "--thread", "2");
    assertEquals(Main.USAGE, unknown.code(), "no abbreviations");
    assertTrue(unknown.err().contains("Unknown option: '--thread'"), unknown.err());
    Run twice = run("", "report", "-", "--window", "day", "--window", "week");
    assertEquals(Main.USAGE, twice.code());
    assertTrue(twice.err().contains("'--window' should be specified only once"), twice.err());
    Run missing = run("", "report", "-", "--window");
    assertEquals(Main.USAGE, missing.code());
    assertTrue(missing.err().contains("'--window'"), missing.err());
    Run top = run("", "reprt");
    assertEquals(Main.USAGE, top.code());
    assertTrue(top.err().contains("'reprt'") && top.err().contains("Usage: cxkpi"), top.err());
  }

  @Test
  void versionAndHelp() {
    for (String[] args : List.of(new String[] {"--version"}, new String[] {"-V"},
        new String[] {"report", "--version"}, new String[] {"report", "-V"})) {
      Run r = run("", args);
      assertEquals(0, r.code());
      assertEquals("cxkpi 0.1.0-SNAPSHOT" + System.lineSeparator(), r.out());
    }
    Run none = run("");
    assertEquals(0, none.code());
    assertTrue(none.out().startsWith("Usage: cxkpi") && none.out().contains("report"), none.out());
    assertEquals(none.out(), run("", "--help").out());
    assertEquals(none.out(), run("", "help").out());
    Run help = run("", "help", "report");
    assertEquals(0, help.code());
    assertEquals(run("", "report", "--help").out(), help.out());
    assertEquals(help.out(), run("", "report", "-h").out());
    for (String text : List.of("Usage: cxkpi report", "CSV columns", "attr.NAME", "Examples:",
        "  cxkpi report --sample itsm --kpis ttr --window month", "[FILE]", "--sample <NAME>",
        "--window <day|week|month|rolling:N>", "(default: week)", "(default: UTF-8)",
        "(default: 0.95)", "(default: table)", "-o,--output <FILE>", "-q,--quiet")) {
      assertTrue(help.out().contains(text), text + " in " + help.out());
    }
    assertFalse(help.out().contains("${"), help.out());
    Run unknown = run("", "help", "nope");
    assertEquals(Main.USAGE, unknown.code());
    assertTrue(unknown.err().contains("Unknown subcommand 'nope'"), unknown.err());
  }
}
