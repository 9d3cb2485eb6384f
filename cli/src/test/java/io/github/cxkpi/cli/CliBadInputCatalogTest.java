package io.github.cxkpi.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog of bad input to the command line: each class of input with what it gets, a
 * counted bad row (with its line and reason, the run going on) or the run refused with its exit
 * code (1 for input that cannot be used, 2 for a usage error).
 */
class CliBadInputCatalogTest {
  private static final String HEADER = "kind,customer_id,instant,channel,question,score\n";

  record Run(int code, String out, String err) {
    /** The report's count of bad rows, from its summary line. */
    long badRows() {
      Matcher m = Pattern.compile("([0-9,]+) bad rows skipped").matcher(out + err);
      assertTrue(m.find(), "no summary line in: " + out + err);
      return Long.parseLong(m.group(1).replace(",", ""));
    }

    long interactions() {
      Matcher m = Pattern.compile("([0-9,]+) interactions").matcher(out + err);
      assertTrue(m.find(), "no summary line in: " + out + err);
      return Long.parseLong(m.group(1).replace(",", ""));
    }
  }

  private static Run run(byte[] stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new ByteArrayInputStream(stdin),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static Run csv(String body, String... extra) {
    String[] args = new String[extra.length + 4];
    args[0] = "report";
    args[1] = "-";
    args[2] = "--quiet";
    args[3] = "--kpis=nps";
    System.arraycopy(extra, 0, args, 4, extra.length);
    return run((HEADER + body).getBytes(StandardCharsets.UTF_8), args);
  }

  private static Run jsonl(String body) {
    return run(body.getBytes(StandardCharsets.UTF_8), "report", "-", "--quiet", "--kpis=nps",
        "--input-format", "jsonl");
  }

  private static String good(String customer) {
    return "survey," + customer + ",2026-03-02T10:00:00Z,web,nps,9\n";
  }

  private static String json(String customer, String score) {
    return "{\"kind\":\"survey\",\"customer_id\":\"" + customer + "\",\"instant\":"
        + "\"2026-03-02T10:00:00Z\",\"question\":\"nps\",\"score\":" + score + "}\n";
  }

  private static void badRow(Run r, long line, String reason) {
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("line " + line + ": ") && r.err().contains(reason),
        "expected line " + line + ": ..." + reason + " in:\n" + r.err());
  }

  @Test
  void aMalformedJsonLineIsOneBadRow() {
    Run r = jsonl(json("a", "9") + "{\"kind\":\"survey\",\n" + json("b", "10"));
    badRow(r, 2, "malformed JSON");
    assertEquals(1, r.badRows());
    assertEquals(2, r.interactions());
  }

  @Test
  void jsonValuesOfTheWrongTypeAreBadRows() {
    Run r = jsonl(json("a", "[9]") + json("b", "{}") + json("c", "\"9\"") + json("d", "9.5")
        + json("e", "true") + json("f", "null") + json("g", "10"));
    badRow(r, 1, "score must be a JSON integer, was an array");
    badRow(r, 2, "score must be a JSON integer, was an object");
    badRow(r, 3, "score must be a JSON integer, was a string \"9\"");
    badRow(r, 4, "score must be a JSON integer, was a number 9.5");
    badRow(r, 5, "score must be a JSON integer, was a boolean true");
    assertEquals(5, r.badRows());
    assertEquals(2, r.interactions(), "null is a blank answer, 10 an answer");
    Run ids = jsonl("{\"kind\":\"survey\",\"customer_id\":42,\"instant\":\"2026-03-02T10:00:00Z\","
        + "\"question\":\"nps\",\"score\":9}\n");
    badRow(ids, 1, "customer_id must be a JSON string, was a number 42");
  }

  @Test
  void duplicateJsonKeysAreABadRow() {
    Run r = jsonl("{\"kind\":\"survey\",\"customer_id\":\"a\",\"customer_id\":\"b\","
        + "\"instant\":\"2026-03-02T10:00:00Z\",\"question\":\"nps\",\"score\":9}\n" + json("c", "9"));
    badRow(r, 1, "Duplicate field 'customer_id'");
    assertEquals(1, r.badRows());
    assertEquals(1, r.interactions());
  }

  @Test
  void anUnclosedQuoteIsOneBadRowAndTheNextLinesAreReadAgain() {
    Run r = csv(good("a") + "survey,\"b,2026-03-02T10:00:00Z,web,nps,9\n" + good("c") + good("d"));
    badRow(r, 3, "a quoted field opens here and does not close before the end of the input");
    assertEquals(1, r.badRows());
    assertEquals(3, r.interactions(), "a, c and d");
    // A quoted field over two lines is one row.
    Run multi = csv("survey,\"x\ny\",2026-03-02T10:00:00Z,web,nps,9\n" + good("z"));
    assertEquals(0, multi.badRows(), multi.err());
    assertEquals(2, multi.interactions());
  }

  @Test
  void aHugeLineIsABadRowAndNotHeld() {
    String huge = "survey,a,2026-03-02T10:00:00Z,web," + "x".repeat(20 << 20) + ",9\n";
    Run r = csv(huge + good("b"));
    badRow(r, 2, "the line is longer than 1048576 characters");
    assertEquals(1, r.interactions());
    // A field within the line limit but over an event's 4096 UTF-8 bytes is refused by core.
    Run longId = csv("survey," + "c".repeat(5000) + ",2026-03-02T10:00:00Z,web,nps,9\n" + good("d"));
    badRow(longId, 2, "customerId must be at most 4096 UTF-8 bytes");
  }

  @Test
  void absurdInstantsAreBadRows() {
    Run r = csv("survey,a,+99999-01-01T00:00:00Z,web,nps,9\n"
        + "survey,b,1969-12-31T23:59:59Z,web,nps,9\n" + "survey,c,yesterday,web,nps,9\n" + good("d"));
    badRow(r, 2, "is outside the supported range");
    badRow(r, 3, "is outside the supported range");
    badRow(r, 4, "instant 'yesterday' is not ISO-8601");
    assertEquals(1, r.interactions());
  }

  @Test
  void digitsOtherThanAsciiAreNotIntegers() {
    Run r = csv("survey,a,2026-03-02T10:00:00Z,web,nps,\uFF19\n"
        + "survey,b,2026-03-02T10:00:00Z,web,nps,\u0669\n" + good("c"));
    badRow(r, 2, "score '\uFF19' is not an integer");
    badRow(r, 3, "score '\u0669' is not an integer");
    assertEquals(1, r.interactions());
  }

  @Test
  void bytesNotInTheEncodingStopTheRunWithTheirLine() {
    byte[] latin1 = (HEADER + good("a") + "survey,b,2026-03-02T10:00:00Z,Montr\u00e9al,nps,9\n")
        .getBytes(StandardCharsets.ISO_8859_1);
    Run r = run(latin1, "report", "-", "--quiet");
    assertEquals(Main.BAD_INPUT, r.code());
    assertTrue(r.err().contains("line 3: bytes 0xE9 are not UTF-8"), r.err());
    assertTrue(r.err().contains("--encoding"), r.err());
    Run ok = run(latin1, "report", "-", "--quiet", "--encoding", "ISO-8859-1", "--segment",
        "channel", "--format", "csv");
    assertEquals(0, ok.code(), ok.err());
    assertTrue(ok.out().contains("montr\u00e9al,") || ok.out().contains("Montr\u00e9al,"), ok.out());
    Run unknown = run(latin1, "report", "-", "--encoding", "KLINGON");
    assertEquals(Main.USAGE, unknown.code());
  }

  @Test
  void aByteOrderMarkIsAccepted() {
    Run bom = run(("\uFEFF" + HEADER + good("a")).getBytes(StandardCharsets.UTF_8), "report", "-",
        "--quiet");
    assertEquals(0, bom.code(), bom.err());
    assertEquals(0, bom.badRows());
    Run bomJson = run(("\uFEFF" + json("a", "9")).getBytes(StandardCharsets.UTF_8), "report", "-",
        "--quiet", "--input-format", "jsonl");
    assertEquals(0, bomJson.badRows(), bomJson.err());
  }

  @Test
  void aMissingColumnIsAHeaderErrorBeforeAnyRow() {
    Run r = run(("kind,customer_id,channel,question,score\n" + "survey,a,web,nps,9\n")
        .getBytes(StandardCharsets.UTF_8), "report", "-", "--quiet");
    assertEquals(Main.BAD_INPUT, r.code());
    assertTrue(r.err().contains("line 1: the CSV header lacks the required column 'instant'"),
        r.err());
    assertFalse(r.err().contains("line 2"), r.err());
    Run twice = run(("kind,customer_id,instant,score,score\n").getBytes(StandardCharsets.UTF_8),
        "report", "-");
    assertEquals(Main.BAD_INPUT, twice.code());
    assertTrue(twice.err().contains("names column 'score' twice"), twice.err());
    Run empty = run(new byte[0], "report", "-");
    assertEquals(Main.BAD_INPUT, empty.code());
  }

  @Test
  void aFailedRunLeavesAnExistingOutputFileAsItWas(@TempDir Path dir) throws Exception {
    Path html = dir.resolve("report.html");
    byte[] before = "<html>last week's report</html>".getBytes(StandardCharsets.UTF_8);
    Files.write(html, before);
    byte[] input = (HEADER + good("a")).getBytes(StandardCharsets.UTF_8);
    Run badOption = run(input, "report", "-", "--format", "pdf", "-o", html.toString());
    assertEquals(Main.USAGE, badOption.code());
    assertArrayEquals(before, Files.readAllBytes(html));
    Run badData = run((HEADER + "survey,a,2026-03-02T10:00:00Z,web,nps,99\n")
        .getBytes(StandardCharsets.UTF_8), "report", "-", "--strict", "--format", "html", "-o",
        html.toString());
    assertEquals(Main.BAD_INPUT, badData.code());
    assertArrayEquals(before, Files.readAllBytes(html));
    Run ok = run(input, "report", "-", "--quiet", "--format", "html", "-o", html.toString());
    assertEquals(0, ok.code(), ok.err());
    assertTrue(Files.readString(html).contains("<svg"));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file is left behind");
    }
  }

  @Test
  void usageErrorsExitTwoAndBadDataOne(@TempDir Path dir) {
    byte[] input = (HEADER + good("a")).getBytes(StandardCharsets.UTF_8);
    assertEquals(Main.USAGE, run(input, "report", "-", "--no-such-option").code());
    assertEquals(Main.USAGE, run(input, "report", dir.resolve("missing.csv").toString()).code());
    assertEquals(Main.USAGE, run(input, "report", "-", "--window", "rolling:x").code());
    assertEquals(Main.USAGE, run(input, "report", "-", "--zone", "Mars/Olympus").code());
    assertEquals(Main.USAGE, run(input, "report", "-", "--kpis", "nps,happiness").code());
    assertEquals(Main.USAGE, run(input, "report", "-", "--level", "1.5").code());
    assertEquals(Main.USAGE, run(input, "report", "-", "--lateness", "PT-1H").code());
    assertEquals(Main.USAGE, run(input, "report", "-", "--csat-scale", "5..1").code());
    assertEquals(Main.BAD_INPUT, csv("survey,a,2026-03-02T10:00:00Z,web,nps,99\n", "--strict")
        .code());
    assertEquals(0, csv("survey,a,2026-03-02T10:00:00Z,web,nps,99\n").code());
  }

  @Test
  void controlCharactersInABadRowAreEscapedOnTheTerminal() {
    Run r = csv("survey,a,2026\u001b[31m,web,nps,9\n" + good("b"));
    badRow(r, 2, "instant '2026\\u001B[31m' is not ISO-8601");
    assertFalse(r.err().contains("\u001b"), "no raw escape character");
  }

  @Test
  void theListingOfBadRowsStopsAtTenThenCounts() {
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 25; i++) {
      rows.append("survey,c").append(i).append(",2026-03-02T10:00:00Z,web,nps,99\n");
    }
    Run r = csv(rows.toString() + good("ok"));
    assertEquals(0, r.code(), r.err());
    assertEquals(10, r.err().lines().filter(l -> l.startsWith("line ")).count(), r.err());
    assertTrue(r.err().contains("... and 15 more bad rows"), r.err());
    assertEquals(25, r.badRows());
    assertEquals(1, r.interactions());
  }
}
