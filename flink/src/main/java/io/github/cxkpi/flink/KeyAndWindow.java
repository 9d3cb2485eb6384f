package io.github.cxkpi.flink;

import io.github.cxkpi.spi.KpiSummary;
import java.io.Serial;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Labels a windowed KPI summary with its key (the segment) and its window's start instant:
 * {@code (segment, "2026-03-02T00:00:00Z", summary)}. Pass it with {@link #outputType()} as the
 * window function of {@code aggregate(kpi, new KeyAndWindow(), kpi.accumulatorType(),
 * kpi.resultType(), KeyAndWindow.outputType())}.
 *
 * @since 0.1.0
 */
public final class KeyAndWindow
    extends ProcessWindowFunction<KpiSummary, Tuple3<String, String, KpiSummary>, String,
        TimeWindow> {
  @Serial private static final long serialVersionUID = 1L;

  /** Creates the function. */
  public KeyAndWindow() {}

  /**
   * The output's type information (a tuple; no Kryo).
   *
   * @return the type information
   */
  public static TypeInformation<Tuple3<String, String, KpiSummary>> outputType() {
    return Types.TUPLE(Types.STRING, Types.STRING, CxkpiTypes.kpiSummaries());
  }

  @Override
  public void process(String key, Context context, Iterable<KpiSummary> summaries,
      Collector<Tuple3<String, String, KpiSummary>> out) {
    String start = Instant.ofEpochMilli(context.window().getStart()).toString();
    for (KpiSummary s : summaries) {
      out.collect(Tuple3.of(key, start, s));
    }
  }
}
