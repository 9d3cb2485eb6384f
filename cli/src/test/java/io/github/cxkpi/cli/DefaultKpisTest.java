package io.github.cxkpi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Without --kpis a report computes the KPIs that are computed by default; the key drivers, which
 * would hold every outcome answer waiting for factors, only when asked for.
 */
class DefaultKpisTest {
  private static final String CSV = "kind,customer_id,instant,question,score\n"
      + "survey,a,2026-03-02T09:15:00Z,nps,9\n"
      + "survey,a,2026-03-02T09:15:00Z,csat,4\n"
      + "survey,b,2026-03-02T10:15:00Z,nps,3\n"
      + "survey,b,2026-03-02T10:15:00Z,csat,2\n";

  @Test
  void theDriversComeWhenAskedFor() {
    CliTest.Run plain = CliTest.run(CSV, "report", "-", "--format", "csv", "--quiet");
    assertEquals(0, plain.code(), plain.err());
    assertTrue(plain.out().contains(",nps,2,"), plain.out());
    assertFalse(plain.out().contains(",drivers,"), plain.out());
    CliTest.Run asked = CliTest.run(CSV, "report", "-", "--format", "csv", "--quiet",
        "--drivers", "nps=csat", "--drivers-scale", "1..5");
    assertEquals(0, asked.code(), asked.err());
    assertTrue(asked.out().contains(",nps,2,"), asked.out());
    assertTrue(asked.out().contains(",drivers,2,"), asked.out());
    CliTest.Run byId = CliTest.run(CSV, "report", "-", "--format", "csv", "--quiet",
        "--kpis", "drivers", "--drivers", "nps=csat", "--drivers-scale", "1..5");
    assertFalse(byId.out().contains(",nps,"), byId.out());
    assertTrue(byId.out().contains(",drivers,2,"), byId.out());
  }
}
