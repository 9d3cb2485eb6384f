package io.github.cxkpi.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.cxkpi.spi.KpiSummary;
import io.github.cxkpi.testing.Readme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The README's Flink example job, compiled and run on the MiniCluster. */
class ReadmeExampleTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1)
          .setNumberSlotsPerTaskManager(2).build());

  @Test
  void theExampleJob(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("interactions.csv");
    List<String> lines = new ArrayList<>();
    String[] q = {"nps", "csat", "ces", "fcr"};
    int[][] scores = {{10, 9, 3}, {5, 4, 2}, {7, 6, 1}, {1, 1, 0}};
    for (String channel : new String[] {"web", "phone"}) {
      for (int k = 0; k < 4; k++) {
        for (int s : scores[k]) {
          lines.add(channel + ",2026-03-03T10:00:00Z," + q[k] + "," + s);
        }
      }
    }
    Files.write(file, lines);
    String input = file.toString();
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    DataStream<Tuple3<String, String, KpiSummary>> kpis = WeeklyKpis.kpis(env, input);
    List<Tuple3<String, String, KpiSummary>> out = kpis.executeAndCollect(100);
    assertEquals(8, out.size(), "4 KPIs x 2 channels x 1 week");
    assertEquals(2, out.stream().filter(t -> t.f2.kpiId().equals("nps")
        && t.f1.equals("2026-03-02T00:00:00Z") && Math.abs(t.f2.value() - 100.0 / 3) < 1e-9)
        .count());
    Readme.assertShows(WeeklyKpis.class, "flink");
  }

  @Test
  void theReadmesFlinkBlocksCompileOnTheirOwn() {
    List<String> flink = Readme.javaBlocks().stream()
        .filter(b -> b.contains("org.apache.flink")).toList();
    assertEquals(2, flink.size());
    for (int i = 0; i < flink.size(); i++) {
      io.github.cxkpi.testing.ReadmeCompiler.assertCompiles(flink.get(i), "Flink #" + (i + 1));
    }
  }

  @Test
  void aTypeThatWouldNeedKryoFailsTheJob() {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    TypeInformation<StringBuilder> generic = TypeInformation.of(StringBuilder.class);
    assertThrows(Exception.class, () -> env.fromData(List.of(new StringBuilder("x")), generic)
        .executeAndCollect(1), "generic types are disabled: Kryo would fail loudly");
    assertEquals(Tuple3.class, Types.TUPLE(Types.STRING, Types.LONG, Types.INT).getTypeClass());
  }
}
