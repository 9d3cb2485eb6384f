package io.github.cxkpi.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.cxkpi.ces.Ces;
import io.github.cxkpi.csat.Csat;
import io.github.cxkpi.event.Channel;
import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.fcr.Fcr;
import io.github.cxkpi.nps.Nps;
import io.github.cxkpi.scale.RatingAggregator;
import io.github.cxkpi.spi.KpiSummary;
import io.github.cxkpi.testing.Readme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
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

  /** Parses "channel,instant,question,score" with Apache Commons CSV. */
  static SurveyResponse parse(String line) throws IOException {
    CSVRecord r = CSVFormat.DEFAULT.parse(new java.io.StringReader(line)).getRecords().get(0);
    return SurveyResponse.builder("anonymous", Instant.parse(r.get(1)))
        .channel(Channel.of(r.get(0))).question(r.get(2)).score(Integer.parseInt(r.get(3)))
        .build();
  }

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
    // README:flink
    FileSource<String> files = FileSource.forRecordStreamFormat(new TextLineInputFormat(),
        new org.apache.flink.core.fs.Path(input)).build();
    KeyedStream<SurveyResponse, String> byChannel = env
        .fromSource(files, WatermarkStrategy.noWatermarks(), "interactions")
        .map(ReadmeExampleTest::parse).returns(CxkpiTypes.surveyResponses())
        .assignTimestampsAndWatermarks(WatermarkStrategy.<SurveyResponse>forBoundedOutOfOrderness(
                Duration.ofHours(1)).withTimestampAssigner((r, ts) -> r.instant().toEpochMilli()))
        .keyBy(r -> r.channel().name(), Types.STRING);
    DataStream<Tuple3<String, String, KpiSummary>> kpis = weekly(byChannel, RatingAggregateFunction.nps(Nps.definition()))
        .union(weekly(byChannel, RatingAggregateFunction.csat(Csat.definition())),
            weekly(byChannel, RatingAggregateFunction.ces(Ces.v2())),
            weekly(byChannel, RatingAggregateFunction.surveyFcr(Fcr.survey())));
    kpis.print();
    // README:end
    List<Tuple3<String, String, KpiSummary>> out = kpis.executeAndCollect(100);
    assertEquals(8, out.size(), "4 KPIs x 2 channels x 1 week");
    assertEquals(2, out.stream().filter(t -> t.f2.kpiId().equals("nps")
        && t.f1.equals("2026-03-02T00:00:00Z") && Math.abs(t.f2.value() - 100.0 / 3) < 1e-9)
        .count());
    Readme.assertShows(getClass(), "flink");
    Readme.assertShows(getClass(), "flink-weekly");
  }

  // README:flink-weekly
  static <A extends RatingAggregator<?, ?, A>> DataStream<Tuple3<String, String, KpiSummary>>
      weekly(KeyedStream<SurveyResponse, String> byChannel, RatingAggregateFunction<A> kpi) {
    // 7-day windows from Mondays (the epoch was a Thursday), labelled with channel and week.
    return byChannel.window(TumblingEventTimeWindows.of(Duration.ofDays(7), Duration.ofDays(4)))
        .aggregate(kpi, new KeyAndWindow(), kpi.accumulatorType(), kpi.resultType(),
            KeyAndWindow.outputType());
  }
  // README:end

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
