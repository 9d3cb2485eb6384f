package io.github.cxkpi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.cli.CliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Key drivers from the command line: --drivers, respondents by attr.response_id, the map. */
class DriverReportTest {

  /** 200 respondents per region: nps driven by helpfulness and competence, not by value. */
  static String survey() {
    StringBuilder csv = new StringBuilder(
        "kind,customer_id,instant,question,score,attr.region,attr.response_id\n");
    SplittableRandom rnd = new SplittableRandom(11);
    for (String region : new String[] {"north", "south"}) {
      for (int r = 0; r < 200; r++) {
        int h = 1 + rnd.nextInt(5);
        int c = Math.max(1, Math.min(5, h + rnd.nextInt(3) - 1));
        int v = 1 + rnd.nextInt(5);
        int y = Math.max(0, Math.min(10, h + c + rnd.nextInt(3) - 1));
        String id = region + "-" + r;
        String[] q = {"nps", "helpfulness", "competence", "value"};
        int[] s = {y, h, c, v};
        for (int i = 0; i < 4; i++) {
          // answers of one response at different instants: grouped by attr.response_id
          csv.append("survey,cust-").append(id).append(",2026-03-02T10:0").append(i)
              .append(":00Z,").append(q[i]).append(',').append(s[i]).append(',').append(region)
              .append(',').append(id).append('\n');
        }
      }
    }
    return csv.toString();
  }

  @Test
  void theHtmlReportDrawsAnImportancePerformanceMapPerSegment(@TempDir Path dir)
      throws Exception {
    Path html = dir.resolve("drivers.html");
    Run r = CliTest.run(survey(), "report", "-", "--kpis", "drivers", "--segment", "attr:region",
        "--drivers", "nps=helpfulness,competence,value", "--drivers-scale", "1..5",
        "--format", "html", "--output", html.toString(), "--quiet");
    assertEquals(0, r.code(), r.err());
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    Document doc = f.newDocumentBuilder().parse(html.toFile());
    NodeList svgs = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg");
    int maps = 0;
    for (int i = 0; i < svgs.getLength(); i++) {
      Element svg = (Element) svgs.item(i);
      if (svg.getAttribute("class").equals("scatter")) {
        maps++;
        assertTrue(svg.getTextContent().contains("performance against importance"),
            svg.getTextContent());
        assertTrue(svg.getTextContent().contains("helpfulness"));
      }
    }
    assertEquals(2, maps, "one map per region");
    assertTrue(Files.readString(html).contains("importance"));
  }

  @Test
  void theTableAndCsvCarryRSquaredAndTheDetails() {
    Run csv = CliTest.run(survey(), "report", "-", "--kpis", "drivers",
        "--drivers", "nps=helpfulness,competence,value", "--drivers-scale", "1..5",
        "--format", "csv", "--quiet");
    assertEquals(0, csv.code(), csv.err());
    assertTrue(csv.out().contains("importance"), csv.out());
    assertTrue(csv.out().contains("performance"), csv.out());
    Run bad = CliTest.run("", "report", "-", "--drivers", "nps", "--quiet");
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("--drivers is OUTCOME=FACTOR"), bad.err());
  }
}
