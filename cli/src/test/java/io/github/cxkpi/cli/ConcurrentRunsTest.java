package io.github.cxkpi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Runs of the CLI in one JVM keep their own streams: no run reads or writes another's. */
class ConcurrentRunsTest {
  @Test
  void overlappingRunsEachSeeTheirOwnInputAndOutput() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<CliTest.Run>> runs = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        // Run i has i + 1 promoters: its NPS row must say n = i + 1, whatever else runs.
        StringBuilder csv = new StringBuilder("kind,customer_id,instant,question,score\n");
        for (int k = 0; k <= i; k++) {
          csv.append("survey,c").append(k).append(",2026-03-02T09:15:00Z,nps,10\n");
        }
        String in = csv.toString();
        runs.add(pool.submit(() -> CliTest.run(in, "report", "-", "--kpis", "nps", "--format",
            "csv", "--quiet")));
      }
      for (int i = 0; i < runs.size(); i++) {
        CliTest.Run r = runs.get(i).get();
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals(2, lines.length, r.out());
        assertTrue(lines[1].contains(",nps," + (i + 1) + ",100.000000,"), i + ": " + lines[1]);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
