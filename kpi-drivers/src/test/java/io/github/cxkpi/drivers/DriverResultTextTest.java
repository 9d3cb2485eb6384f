package io.github.cxkpi.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The result reads as a table. */
class DriverResultTextTest {
  @Test
  void theResultReadsAsATable() {
    String text = GoldenBytesTest.example().result().toString();
    assertEquals("""
        Drivers of nps: R² 0.994 n=6 (OK; incomplete 0, pending 2, rejected 0) small sample
          factor       mean    [95 % CI]          r       [95 % CI]          beta    weight  share   rank  quadrant
          helpfulness  2.857   [1.012, 4.702]     0.988   [0.862, 0.999]     0.868   0.6962  70.0 %     1  keep up the good work
          value        2.714   [1.096, 4.333]     0.760   [-0.252, 0.978]    0.180   0.2978  30.0 %     2  low priority""",
        text.replace(System.lineSeparator(), "\n"));
  }

  @Test
  void anAnalysisWithoutImportanceSaysWhy() {
    DriverAggregator a = Drivers.aggregator(Drivers.outcome("nps", 0, 10)
        .withFactors(1, 5, "helpfulness", "value"));
    assertEquals("Drivers of nps: R² 0.000 n=0 (NO_DATA: no complete respondent; incomplete 0, "
        + "pending 0, rejected 0) small sample", a.result().toString());
  }
}
