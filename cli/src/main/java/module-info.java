/** The cxkpi command-line report: CSV or JSON Lines in, the KPI scorecard out. */
module io.github.cxkpi.cli {
  requires io.github.cxkpi.nps;
  requires io.github.cxkpi.csat;
  requires io.github.cxkpi.ces;
  requires io.github.cxkpi.fcr;
  requires io.github.cxkpi.drivers;
  requires io.github.cxkpi.time;
  requires org.apache.commons.cli;
  requires org.apache.commons.csv;
  requires com.fasterxml.jackson.databind;
  requires static org.jspecify;
}
