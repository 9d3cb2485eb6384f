/** A test-only KPI: the share of service contacts the agent marked resolved. */
module io.github.cxkpi.example {
  requires io.github.cxkpi.core;
  requires static org.jspecify;

  provides io.github.cxkpi.spi.KpiProvider with
      io.github.cxkpi.example.internal.AgentResolvedKpiProvider;
}
