package io.github.cxkpi.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.cli.Main;
import io.github.cxkpi.event.Channel;
import io.github.cxkpi.event.ServiceContact;
import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.scorecard.Scorecard;
import io.github.cxkpi.scorecard.ScorecardRow;
import io.github.cxkpi.scorecard.Segmenter;
import io.github.cxkpi.spi.KpiAggregator;
import io.github.cxkpi.spi.KpiRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A fifth KPI made only of its module's files (a provider and its aggregator, registered with
 * ServiceLoader) shows up in the registry, the scorecard and the command line, with no edit
 * there.
 */
class FifthKpiTest {
  private static final Instant T = Instant.parse("2026-03-03T10:00:00Z");

  @Test
  void theRegistryFindsItAndDecodesItsFrames() {
    KpiRegistry registry = KpiRegistry.load();
    assertTrue(registry.ids().contains("agent-resolved"), registry.toString());
    KpiAggregator a = registry.get("agent-resolved").newAggregator();
    a.accept(ServiceContact.builder("c", T).resolvedByAgent(true).build());
    assertEquals(1, registry.fromBytes(a.toBytes()).count());
  }

  @Test
  void theScorecardComputesItPerSegment() {
    Scorecard card = Scorecard.builder().segmentBy(Segmenter.channel()).build();
    for (int i = 0; i < 4; i++) {
      card.accept(ServiceContact.builder("c" + i, T).channel(Channel.PHONE)
          .resolvedByAgent(i < 3).build());
    }
    card.accept(SurveyResponse.builder("s", T).score(9).build());
    card.endOfInput();
    List<ScorecardRow> rows = card.report().rowsOf("agent-resolved");
    assertEquals(1, rows.size());
    assertEquals("phone", rows.get(0).segment().label());
    assertEquals(4, rows.get(0).summary().n());
    assertEquals(75.0, rows.get(0).summary().value(), 1e-12);
  }

  @Test
  void theCommandLineTakesItInKpis() {
    String csv = "kind,customer_id,instant,channel,resolved\n"
        + "contact,a,2026-03-03T10:00:00Z,phone,true\n"
        + "contact,b,2026-03-03T11:00:00Z,phone,false\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"report", "-", "--kpis", "agent-resolved", "--format",
        "csv", "--quiet"}, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    String report = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    assertTrue(report.contains(",agent-resolved,2,50.000000,"), report);
  }
}
