package io.github.cxkpi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.event.CaseEvent;
import io.github.cxkpi.event.CaseStatus;
import io.github.cxkpi.event.ServiceContact;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reader's service-time columns and case rows, and the five service-time KPIs end to end. */
class ServiceTimesCliTest {
  private static Map<String, String> row(String... kv) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void contactDurationsAreSecondsOrIso8601() {
    ServiceContact c = (ServiceContact) InteractionReader.parse(row("kind", "contact",
        "customer_id", "a", "instant", "2026-03-02T09:00:00Z", "wait", "12.5", "handle",
        "PT4M30S"));
    assertEquals(Duration.ofMillis(12_500), c.waitTime());
    assertEquals(Duration.ofSeconds(270), c.handleTime());
    ServiceContact gone = (ServiceContact) InteractionReader.parse(row("kind", "contact",
        "customer_id", "a", "instant", "2026-03-02T09:00:00Z", "wait", "40", "abandoned",
        "yes"));
    assertTrue(gone.abandoned());
    assertEquals("wait 'soon' is neither seconds (e.g. 12.5) nor an ISO-8601 duration (e.g. "
        + "PT2M30S)", assertThrows(IllegalArgumentException.class,
            () -> InteractionReader.parse(row("kind", "contact", "customer_id", "a", "instant",
                "2026-03-02T09:00:00Z", "wait", "soon"))).getMessage());
    assertEquals("an abandoned contact has no handle time, but handleTime was PT1S",
        assertThrows(IllegalArgumentException.class, () -> InteractionReader.parse(row("kind",
            "contact", "customer_id", "a", "instant", "2026-03-02T09:00:00Z", "handle", "1",
            "abandoned", "true"))).getMessage());
  }

  @Test
  void caseRowsBecomeCaseEvents() {
    CaseEvent e = (CaseEvent) InteractionReader.parse(row("kind", "case", "customer_id", "a",
        "instant", "2026-03-05T12:00:00Z", "case_id", "INC1", "status", "closed", "opened",
        "2026-03-01T08:00:00Z", "solved", "2026-03-02T08:00:00Z", "reopen_count", "1",
        "within_sla", "false", "pending", "3600"));
    assertEquals(CaseStatus.CLOSED, e.status());
    assertEquals(java.time.Duration.ofHours(1), e.pending());
    assertEquals(java.time.Duration.ofHours(23), e.requesterWait());
    assertEquals("pending must be at most the span from opened 2026-03-01T08:00:00Z to the solve "
        + "2026-03-02T08:00:00Z, PT24H, was PT25H", assertThrows(IllegalArgumentException.class,
            () -> InteractionReader.parse(row("kind", "case", "customer_id", "a", "instant",
                "2026-03-05T12:00:00Z", "case_id", "INC1", "status", "closed", "opened",
                "2026-03-01T08:00:00Z", "solved", "2026-03-02T08:00:00Z", "pending", "PT25H")))
            .getMessage());
    assertEquals(Instant.parse("2026-03-02T08:00:00Z"), e.solved());
    assertEquals(1, e.reopenCount());
    assertEquals(Boolean.FALSE, e.withinSla());
    assertEquals("status must be opened, first_response, solved, reopened or closed, was "
        + "'done'", assertThrows(IllegalArgumentException.class, () -> InteractionReader.parse(
            row("kind", "case", "customer_id", "a", "instant", "2026-03-05T12:00:00Z", "case_id",
                "INC1", "status", "done"))).getMessage());
  }

  @Test
  void theFiveServiceTimeKpisAreReported() {
    String csv = "kind,customer_id,instant,channel,wait,handle,abandoned,case_id,status,opened,"
        + "solved,within_sla,pending\n"
        + "contact,a,2026-03-02T09:00:00Z,phone,10,300,,,,,,,\n"
        + "contact,b,2026-03-02T09:10:00Z,phone,30,PT6M,,,,,,,\n"
        + "contact,c,2026-03-02T09:20:00Z,phone,50,,true,,,,,,\n"
        + "case,d,2026-03-02T10:00:00Z,email,,,,K1,first_response,2026-03-02T09:00:00Z,,,\n"
        + "case,d,2026-03-04T09:00:00Z,email,,,,K1,closed,2026-03-02T09:00:00Z,"
        + "2026-03-03T09:00:00Z,true,21600\n";
    CliTest.Run r = CliTest.run(csv, "report", "-", "--kpis", "asa,aht,abandonment,frt,ttr,rwt",
        "--format", "csv", "--quiet");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains(",asa,2,20.000000"), r.out());
    assertTrue(r.out().contains(",aht,2,330.000000"), r.out());
    assertTrue(r.out().contains(",abandonment,3,33.333333"), r.out());
    assertTrue(r.out().contains(",frt,1,1.000000"), r.out());
    assertTrue(r.out().contains(",ttr,1,24.000000"), r.out());
    assertTrue(r.out().contains(",rwt,1,18.000000"), r.out());
  }

  @Test
  void aRepeatedCaseRowIsRefusedNotCountedTwice() {
    String csv = "kind,customer_id,instant,case_id,status,opened,solved,reopen_count\n"
        + "case,d,2026-03-02T10:00:00Z,K1,first_response,2026-03-02T09:00:00Z,,\n"
        + "case,d,2026-03-04T09:00:00Z,K1,closed,2026-03-02T09:00:00Z,2026-03-03T09:00:00Z,\n"
        + "case,e,2026-03-04T09:00:00Z,K2,closed,2026-03-02T09:00:00Z,2026-03-04T09:00:00Z,\n"
        // The same event again (line 5), and again with another solve (line 6): both refused.
        + "case,d,2026-03-04T09:00:00Z,K1,closed,2026-03-02T09:00:00Z,2026-03-03T09:00:00Z,\n"
        + "case,d,2026-03-05T09:00:00Z,K1,closed,2026-03-02T09:00:00Z,2026-03-04T09:00:00Z,0\n"
        // Solved again after a reopen: another event of the same case, counted.
        + "case,d,2026-03-06T09:00:00Z,K1,solved,2026-03-02T09:00:00Z,,1\n";
    CliTest.Run lenient = CliTest.run(csv, "report", "-", "--kpis", "frt,ttr", "--format",
        "csv");
    assertEquals(0, lenient.code(), lenient.err());
    assertTrue(lenient.err().contains("line 5: duplicate case event: case_id 'K1', status closed,"
        + " reopen_count 0 was already read on line 3 (a case event counts once) (skipped)"),
        lenient.err());
    assertTrue(lenient.err().contains("line 6: duplicate case event: case_id 'K1'"),
        lenient.err());
    assertTrue(lenient.err().contains("6 rows read: 4 interactions, 2 bad rows skipped"),
        lenient.err());
    // Time to resolution of K1 (24 h) and K2 (48 h), each once: mean 36 h.
    assertTrue(lenient.out().contains(",ttr,2,36.000000"), lenient.out());
    CliTest.Run strict = CliTest.run(csv, "report", "-", "--kpis", "ttr", "--strict");
    assertEquals(1, strict.code());
    assertTrue(strict.err().contains("line 5: duplicate case event: case_id 'K1', status closed"),
        strict.err());
    assertTrue(strict.err().contains("stopped at the first bad row (--strict)"), strict.err());
  }

  @Test
  void itsmIncidentsThroughTheCommandLine() throws Exception {
    // 890 ServiceNow incidents as closed case rows (cli/samples/convert_itsm.py; CC BY 4.0, see
    // samples/itsm-NOTICE.txt): 861 have a resolution; their months' headline rows add up to them.
    String csv;
    try (java.io.InputStream in = new java.util.zip.GZIPInputStream(java.util.Objects
        .requireNonNull(Main.class.getClassLoader().getResourceAsStream("samples/itsm.csv.gz")))) {
      csv = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    CliTest.Run r = CliTest.run(csv, "report", "-", "--kpis", "ttr,rwt", "--window", "month",
        "--format", "csv", "--quiet");
    CliTest.Run unknown = CliTest.run("", "report", "--sample", "nope");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().contains("--sample is botanic or itsm, was 'nope'"), unknown.err());
    CliTest.Run info = CliTest.run("", "report", "--sample-info");
    assertTrue(info.out().contains("CC0") && info.out().contains("CC BY 4.0"), info.out());
    // The bundled sample is that file: the same report.
    assertEquals(r.out(), CliTest.run("", "report", "--sample", "itsm", "--kpis", "ttr,rwt",
        "--window", "month", "--format", "csv", "--quiet").out());
    assertEquals(0, r.code(), r.err());
    long n = 0;
    long waits = 0;
    for (String line : r.out().split("\\R")) {
      String[] f = line.split(",");
      if (f.length > 5 && f[4].equals("ttr") && line.endsWith(",")) {
        n += Long.parseLong(f[5]);
      }
      if (f.length > 5 && f[4].equals("rwt") && line.endsWith(",")) {
        waits += Long.parseLong(f[5]);
      }
    }
    assertEquals(861, n, r.out());
    // Every incident with a resolution carries its time in "Awaiting User Info" (the pending
    // column, 0 for most): requester wait time counts the same 861.
    assertEquals(861, waits, r.out());
    CliTest.Run html = CliTest.run(csv, "report", "-", "--window", "month", "--format", "html",
        "--quiet");
    assertEquals(0, html.code(), html.err());
    assertTrue(html.out().contains("ttr") && html.out().contains("within 24h"),
        html.out().length() + " characters");
  }
}
