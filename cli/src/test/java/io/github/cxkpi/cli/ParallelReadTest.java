package io.github.cxkpi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.testing.Seeds;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Reading on several threads gives, byte for byte, what one thread gives: the report, the bad
 * rows listed (in line order, with their lines), the counts, and under --strict the same first
 * bad row.
 */
class ParallelReadTest {
  private static final String[] CHANNELS = {"web", "phone", "chat", "email", "app"};

  /** About n rows over several batches: surveys, contacts, blank lines, quoted and bad rows. */
  static String input(SplittableRandom rnd, int n) {
    String in = inputWithAttributes(rnd, n);
    // Without an attribute column, survey rows of the common shape go in columns (RowFeed):
    // half the inputs drop it (the last field of every row).
    if (rnd.nextBoolean()) {
      return in;
    }
    StringBuilder b = new StringBuilder();
    for (String line : in.split("\n", -1)) {
      if (line.startsWith("with a newline")) {
        continue; // the second line of a quoted record, whose quote goes below
      } else if (line.isEmpty()) {
        b.append('\n');
      } else if (line.endsWith("\"team")) {
        // The quoted record becomes a survey row with a quoted question: the general way.
        b.append(line, 0, line.length() - 6).append('\n');
        b.replace(b.lastIndexOf(",csat,"), b.lastIndexOf(",csat,") + 6, ",\"csat\",");
      } else {
        b.append(line, 0, line.lastIndexOf(',')).append('\n');
      }
    }
    return b.substring(0, b.length() - 1);
  }

  private static String inputWithAttributes(SplittableRandom rnd, int n) {
    StringBuilder b = new StringBuilder("kind,customer_id,instant,channel,question,score,"
        + "weight,resolved,attr.team\n");
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < n; i++) {
      String t = start.plusSeconds(rnd.nextLong(90L * 86_400)).toString();
      String ch = CHANNELS[rnd.nextInt(CHANNELS.length)];
      String c = "c" + rnd.nextInt(2000);
      switch (rnd.nextInt(40)) {
        case 0 -> b.append("survey,").append(c).append(',').append(t).append(',').append(ch)
            .append(",nps,11,,,\n"); // off the scale: bad
        case 1 -> b.append("survey,").append(c).append(",yesterday,web,nps,5,,,\n"); // bad
        case 2 -> b.append('\n'); // blank: no row
        case 3 -> b.append("survey,").append(c).append(',').append(t).append(',').append(ch)
            .append(",csat,4,,,\"team\nwith a newline\"\n"); // a quoted record over two lines
        case 4 -> b.append("contact,").append(c).append(',').append(t).append(",phone,,,,maybe,\n");
        default -> {
          if (rnd.nextInt(3) == 0) {
            b.append("contact,").append(c).append(',').append(t).append(',').append(ch)
                .append(",,,,").append(rnd.nextBoolean()).append(",a\n");
          } else {
            String q = rnd.nextBoolean() ? "nps" : "csat";
            int score = q.equals("nps") ? rnd.nextInt(11) : 1 + rnd.nextInt(5);
            b.append("survey,").append(c).append(',').append(t).append(',').append(ch)
                .append(',').append(q).append(',').append(score).append(',')
                .append(rnd.nextInt(4) == 0 ? "1.7" : "").append(",,")
                .append(rnd.nextBoolean() ? "a" : "b").append('\n');
          }
        }
      }
    }
    return b.toString();
  }

  @Test
  void manyThreadsReportWhatOneThreadReports() {
    Seeds.forEach(3, rnd -> {
      String in = input(rnd, 9000 + rnd.nextInt(4000));
      for (String format : new String[] {"csv", "json"}) {
        CliTest.Run one = CliTest.run(in, "report", "-", "--segment", "channel", "--window",
            "week", "--format", format, "--quiet", "--threads", "1");
        assertEquals(0, one.code(), one.err());
        assertTrue(one.err().contains("(skipped)"), "the input has bad rows");
        for (int threads : new int[] {2, 3, 5}) {
          CliTest.Run many = CliTest.run(in, "report", "-", "--segment", "channel", "--window",
              "week", "--format", format, "--quiet", "--threads", String.valueOf(threads));
          assertEquals(one, many, format + " on " + threads + " threads");
        }
      }
      CliTest.Run strictOne = CliTest.run(in, "report", "-", "--strict", "--threads", "1");
      CliTest.Run strictMany = CliTest.run(in, "report", "-", "--strict", "--threads", "4");
      assertEquals(1, strictOne.code());
      assertEquals(strictOne, strictMany, "the same first bad row");
    });
  }

  /**
   * About n case rows over several batches, with repeats near and far (in another batch, so on
   * another worker): a repeated event is the same case id, status and reopen count.
   */
  static String caseInput(SplittableRandom rnd, int n) {
    StringBuilder b = new StringBuilder("kind,customer_id,instant,channel,case_id,status,opened,"
        + "solved,reopen_count,pending\n");
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    String[] statuses = {"first_response", "solved", "closed"};
    for (int i = 0; i < n; i++) {
      Instant opened = start.plusSeconds(rnd.nextLong(60L * 86_400));
      Instant at = opened.plusSeconds(60 + rnd.nextLong(10L * 86_400));
      String status = statuses[rnd.nextInt(statuses.length)];
      String solved = status.equals("closed") ? opened.plusSeconds(30).toString() : "";
      b.append("case,c").append(rnd.nextInt(500)).append(',').append(at).append(",email,K")
          .append(rnd.nextInt(n / 2)).append(',').append(status).append(',').append(opened)
          .append(',').append(solved).append(',').append(rnd.nextInt(3) == 0 ? 1 : 0)
          .append(',').append(status.equals("closed") ? "10" : "").append('\n');
    }
    return b.toString();
  }

  @Test
  void duplicateCaseEventsAreRefusedAlikeOnAnyNumberOfThreads() {
    Seeds.forEach(2, rnd -> {
      String in = caseInput(rnd, 7000 + rnd.nextInt(3000));
      CliTest.Run one = CliTest.run(in, "report", "-", "--kpis", "frt,ttr,rwt", "--window",
          "week", "--format", "csv", "--quiet", "--threads", "1");
      assertEquals(0, one.code(), one.err());
      assertTrue(one.err().contains("duplicate case event: case_id 'K"), one.err());
      for (int threads : new int[] {2, 3, 5}) {
        CliTest.Run many = CliTest.run(in, "report", "-", "--kpis", "frt,ttr,rwt", "--window",
            "week", "--format", "csv", "--quiet", "--threads", String.valueOf(threads));
        assertEquals(one, many, threads + " threads");
      }
      CliTest.Run strictOne = CliTest.run(in, "report", "-", "--strict", "--threads", "1");
      CliTest.Run strictMany = CliTest.run(in, "report", "-", "--strict", "--threads", "3");
      assertEquals(1, strictOne.code());
      assertTrue(strictOne.err().contains("duplicate case event"), strictOne.err());
      assertEquals(strictOne, strictMany, "the same first duplicate");
    });
  }

  @Test
  void aBadThreadCountIsAUsageError() {
    CliTest.Run r = CliTest.run("", "report", "-", "--threads", "0");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--threads must be 1 to 256, was 0"), r.err());
  }

  @Test
  void aCaseRowSpelledWithJsonEscapesIsCheckedInLineOrder() {
    StringBuilder b = new StringBuilder();
    String event = "{\"kind\":\"\\u0063ase\",\"customer_id\":\"c1\",\"instant\":"
        + "\"2026-01-05T10:00:00Z\",\"\\u0063ase_id\":\"k1\",\"status\":\"\\u0073olved\","
        + "\"opened\":\"2026-01-05T09:00:00Z\",\"solved\":\"2026-01-05T10:00:00Z\"}\n";
    for (int i = 0; i < 5000; i++) {
      if (i == 100 || i == 4000) {
        // "case" appears only through escapes: the second is a repeat, in another batch.
        b.append(event);
      }
      b.append("{\"kind\":\"survey\",\"customer_id\":\"c").append(i).append("\",\"instant\":")
          .append("\"2026-01-05T10:00:00Z\",\"question\":\"nps\",\"score\":9}\n");
    }
    CliTest.Run one = CliTest.run(b.toString(), "report", "-", "--input-format", "jsonl",
        "--quiet", "--threads", "1");
    assertEquals(0, one.code(), one.err());
    assertTrue(one.err().contains("duplicate case event"), one.err());
    for (int threads : new int[] {2, 3}) {
      assertEquals(one, CliTest.run(b.toString(), "report", "-", "--input-format", "jsonl",
          "--quiet", "--threads", String.valueOf(threads)), threads + " threads");
    }
  }
}
