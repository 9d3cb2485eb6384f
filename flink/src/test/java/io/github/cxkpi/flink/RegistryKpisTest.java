package io.github.cxkpi.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.cxkpi.drivers.DriverAggregator;
import io.github.cxkpi.drivers.Drivers;
import io.github.cxkpi.event.Channel;
import io.github.cxkpi.event.ServiceContact;
import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.nps.Nps;
import io.github.cxkpi.spi.KpiSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Any KPI of the registry runs on Flink by its id: a built-in one (NPS) gives the library's
 * figures, and a fifth KPI from a module this adapter does not know (the test-only
 * "agent-resolved") runs with no edit here.
 */
class RegistryKpisTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1)
          .setNumberSlotsPerTaskManager(2).build());

  private static final Instant MONDAY = Instant.parse("2026-01-05T00:00:00Z");

  @Test
  void aKpiFromAnotherModuleRunsByItsId() throws Exception {
    List<ServiceContact> contacts = new ArrayList<>();
    Map<String, int[]> expected = new TreeMap<>(); // channel -> {contacts, resolved}
    for (int i = 0; i < 400; i++) {
      Channel ch = i % 3 == 0 ? Channel.PHONE : Channel.CHAT;
      boolean resolved = i % 5 != 0;
      contacts.add(ServiceContact.builder("c" + i, MONDAY.plusSeconds(600L * i)).channel(ch)
          .resolvedByAgent(resolved).build());
      int[] e = expected.computeIfAbsent(ch.name(), k -> new int[2]);
      e[0]++;
      e[1] += resolved ? 1 : 0;
    }
    KpiAggregateFunction<ServiceContact> fn = KpiAggregateFunction.of("agent-resolved");
    List<Tuple3<String, String, KpiSummary>> rows = FlinkJobsTest.env()
        .fromData(contacts, CxkpiTypes.serviceContacts())
        .assignTimestampsAndWatermarks(WatermarkStrategy.<ServiceContact>forMonotonousTimestamps()
            .withTimestampAssigner((c, ts) -> c.instant().toEpochMilli()))
        .keyBy(c -> c.channel().name(), Types.STRING)
        .window(TumblingEventTimeWindows.of(Duration.ofDays(7), Duration.ofDays(4)))
        .aggregate(fn, new KeyAndWindow(), fn.accumulatorType(), fn.resultType(),
            KeyAndWindow.outputType())
        .executeAndCollect(100);
    assertEquals(2, rows.size(), rows.toString()); // 400 x 10 min fit in one week
    for (Tuple3<String, String, KpiSummary> row : rows) {
      int[] e = expected.get(row.f0);
      assertEquals("agent-resolved", row.f2.kpiId());
      assertEquals(e[0], row.f2.n());
      assertEquals(100.0 * e[1] / e[0], row.f2.value(), 1e-9);
    }
  }

  @Test
  void aBuiltInKpiByItsIdGivesTheLibrarysFigures() throws Exception {
    List<SurveyResponse> answers = new ArrayList<>();
    int[] scores = {10, 10, 9, 9, 9, 8, 7, 7, 6, 5, 3, 0};
    for (int i = 0; i < scores.length; i++) {
      answers.add(SurveyResponse.builder("c" + i, MONDAY.plusSeconds(60L * i)).score(scores[i])
          .build());
    }
    KpiAggregateFunction<SurveyResponse> fn = KpiAggregateFunction.of("nps");
    List<Tuple3<String, String, KpiSummary>> rows = FlinkJobsTest.env()
        .fromData(answers, CxkpiTypes.surveyResponses())
        .assignTimestampsAndWatermarks(WatermarkStrategy.<SurveyResponse>forMonotonousTimestamps()
            .withTimestampAssigner((r, ts) -> r.instant().toEpochMilli()))
        .keyBy(r -> "all", Types.STRING)
        .window(TumblingEventTimeWindows.of(Duration.ofDays(7), Duration.ofDays(4)))
        .aggregate(fn, new KeyAndWindow(), fn.accumulatorType(), fn.resultType(),
            KeyAndWindow.outputType())
        .executeAndCollect(10);
    assertEquals(1, rows.size());
    assertEquals(Nps.aggregator().addAll(scores).summary(0.95), rows.get(0).f2);
  }

  @Test
  void keyDriversRunByTheirIdWithTheirDetails() throws Exception {
    List<SurveyResponse> answers = new ArrayList<>();
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
    for (int r = 0; r < 120; r++) {
      int base = 1 + rnd.nextInt(10);
      Instant at = MONDAY.plusSeconds(60L * r);
      int sum = 0;
      for (String factor : Drivers.COMMON_FACTORS) {
        int score = Math.max(1, Math.min(10, base + rnd.nextInt(5) - 2));
        sum += factor.startsWith("p") ? score : 0;
        answers.add(SurveyResponse.builder("c" + r, at).question(factor).score(score).build());
      }
      answers.add(SurveyResponse.builder("c" + r, at).score(Math.min(10, sum / 3)).build());
    }
    KpiAggregateFunction<SurveyResponse> fn = KpiAggregateFunction.of(Drivers.ID);
    List<Tuple3<String, String, KpiSummary>> rows = FlinkJobsTest.env()
        .fromData(answers, CxkpiTypes.surveyResponses())
        .assignTimestampsAndWatermarks(WatermarkStrategy.<SurveyResponse>forMonotonousTimestamps()
            .withTimestampAssigner((r, ts) -> r.instant().toEpochMilli()))
        .keyBy(r -> "all", Types.STRING)
        .window(TumblingEventTimeWindows.of(Duration.ofDays(7), Duration.ofDays(4)))
        .aggregate(fn, new KeyAndWindow(), fn.accumulatorType(), fn.resultType(),
            KeyAndWindow.outputType())
        .executeAndCollect(10);
    assertEquals(1, rows.size());
    DriverAggregator direct = Drivers.aggregator();
    answers.forEach(direct::accept);
    KpiSummary expected = Drivers.asKpiAggregator(direct).summary(0.95);
    assertEquals(120, rows.get(0).f2.n());
    assertEquals(expected.value(), rows.get(0).f2.value(), 1e-12);
    assertEquals(16, rows.get(0).f2.details().size(), "importance and performance per factor");
  }

  @Test
  void anUnknownIdFailsWhenTheJobIsBuilt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KpiAggregateFunction.of("happiness"));
    assertEquals(true, e.getMessage().startsWith("no KPI with id 'happiness'"), e.getMessage());
  }
}
