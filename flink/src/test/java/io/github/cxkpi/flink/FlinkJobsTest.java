package io.github.cxkpi.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.ces.Ces;
import io.github.cxkpi.csat.Csat;
import io.github.cxkpi.event.Channel;
import io.github.cxkpi.event.ServiceContact;
import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.fcr.Fcr;
import io.github.cxkpi.fcr.RepeatContactAggregator;
import io.github.cxkpi.fcr.RepeatContactDefinition;
import io.github.cxkpi.fcr.RepeatContactResult;
import io.github.cxkpi.nps.Nps;
import io.github.cxkpi.scale.RatingAggregator;
import io.github.cxkpi.spi.KpiSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Jobs on Flink's MiniCluster (parallelism 2, Kryo disabled: any generic-type fallback fails
 * the job) give what the plain library gives on the same events.
 */
class FlinkJobsTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1)
          .setNumberSlotsPerTaskManager(2).build());

  private static final Instant MONDAY = Instant.parse("2026-01-05T00:00:00Z");
  private static final long WEEK = Duration.ofDays(7).toMillis();
  // Epoch day 0 is a Thursday: a 4-day offset makes 7-day windows start on Mondays.
  private static final Duration MONDAY_OFFSET = Duration.ofDays(4);

  static StreamExecutionEnvironment env() {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    return env;
  }

  static List<SurveyResponse> responses(long seed, int n) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<SurveyResponse> out = new ArrayList<>();
    String[] questions = {"nps", "csat", "ces", "fcr"};
    Channel[] channels = {Channel.WEB, Channel.PHONE, Channel.CHAT};
    for (int i = 0; i < n; i++) {
      int q = rnd.nextInt(4);
      int score = switch (q) {
        case 0 -> rnd.nextInt(11);
        case 1 -> 1 + rnd.nextInt(5);
        case 2 -> 1 + rnd.nextInt(7);
        default -> rnd.nextInt(2);
      };
      SurveyResponse.Builder b = SurveyResponse.builder("c" + rnd.nextInt(500),
          MONDAY.plusSeconds(rnd.nextLong(6 * WEEK / 1000))).channel(channels[rnd.nextInt(3)])
          .question(questions[q]).score(score);
      if (rnd.nextInt(5) == 0) {
        b.weight(0.5 + rnd.nextDouble());
      }
      out.add(b.build());
    }
    out.sort(Comparator.comparing(SurveyResponse::instant));
    return out;
  }

  /** Emits key, window start and the KPI summary. */
  static final class Label extends
      ProcessWindowFunction<KpiSummary, Tuple3<String, Long, KpiSummary>, String, TimeWindow> {
    @Override
    public void process(String key, Context ctx, Iterable<KpiSummary> in,
        Collector<Tuple3<String, Long, KpiSummary>> out) {
      for (KpiSummary s : in) {
        out.collect(Tuple3.of(key, ctx.window().getStart(), s));
      }
    }
  }

  private <A extends RatingAggregator<?, ?, A>> void checkKpi(RatingAggregateFunction<A> fn,
      Supplier<A> plain, List<SurveyResponse> data) throws Exception {
    StreamExecutionEnvironment env = env();
    TypeInformation<Tuple3<String, Long, KpiSummary>> outType =
        Types.TUPLE(Types.STRING, Types.LONG, CxkpiTypes.kpiSummaries());
    List<Tuple3<String, Long, KpiSummary>> rows = env
        .fromData(data, CxkpiTypes.surveyResponses())
        .assignTimestampsAndWatermarks(WatermarkStrategy.<SurveyResponse>forMonotonousTimestamps()
            .withTimestampAssigner((r, ts) -> r.instant().toEpochMilli()))
        .keyBy(r -> r.channel().name(), Types.STRING)
        .window(TumblingEventTimeWindows.of(Duration.ofDays(7), MONDAY_OFFSET))
        .aggregate(fn, new Label(), fn.accumulatorType(), fn.resultType(), outType)
        .executeAndCollect(10_000);
    assertEquals(18, rows.size(), "3 channels x 6 weeks");
    for (Tuple3<String, Long, KpiSummary> row : rows) {
      A expected = plain.get();
      data.stream().filter(r -> r.channel().name().equals(row.f0)
              && r.instant().toEpochMilli() >= row.f1 && r.instant().toEpochMilli() < row.f1 + WEEK)
          .forEach(expected::accept);
      assertEquals(expected.summary(0.95), row.f2, row.toString());
    }
  }

  @Test
  void everyRatingKpiPerChannelAndWeekEqualsThePlainLibrary() throws Exception {
    List<SurveyResponse> data = responses(7, 6000);
    checkKpi(RatingAggregateFunction.nps(Nps.definition()), Nps::aggregator, data);
    checkKpi(RatingAggregateFunction.csat(Csat.definition()), Csat::aggregator, data);
    checkKpi(RatingAggregateFunction.ces(Ces.v2()), Ces::aggregator, data);
    checkKpi(RatingAggregateFunction.surveyFcr(Fcr.survey()), Fcr::surveyAggregator, data);
  }

  @Test
  void sessionWindowsMergeAccumulatorsExactly() throws Exception {
    // Bursts of answers per customer, 2 days apart: a session window per burst, which Flink
    // builds by merging the accumulators of the windows it joins.
    List<SurveyResponse> data = new ArrayList<>();
    SplittableRandom rnd = new SplittableRandom(3);
    for (int burst = 0; burst < 5; burst++) {
      for (int i = 0; i < 200; i++) {
        data.add(SurveyResponse.builder("c" + (i % 4), MONDAY.plus(Duration.ofDays(2L * burst))
            .plusSeconds(rnd.nextInt(3600))).question("nps").score(rnd.nextInt(11)).build());
      }
    }
    data.sort(Comparator.comparing(SurveyResponse::instant));
    RatingAggregateFunction<io.github.cxkpi.nps.NpsAggregator> fn =
        RatingAggregateFunction.nps(Nps.definition());
    List<Tuple3<String, String, KpiSummary>> rows = env()
        .fromData(data, CxkpiTypes.surveyResponses())
        .assignTimestampsAndWatermarks(WatermarkStrategy.<SurveyResponse>forMonotonousTimestamps()
            .withTimestampAssigner((r, ts) -> r.instant().toEpochMilli()))
        .keyBy(SurveyResponse::customerId, Types.STRING)
        .window(org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows
            .withGap(Duration.ofMinutes(30)))
        .aggregate(fn, new KeyAndWindow(), fn.accumulatorType(), fn.resultType(),
            KeyAndWindow.outputType())
        .executeAndCollect(1000);
    long n = rows.stream().mapToLong(r -> r.f2.n()).sum();
    assertEquals(data.size(), n, "every answer in exactly one session");
    for (Tuple3<String, String, KpiSummary> row : rows) {
      long start = Instant.parse(row.f1).toEpochMilli();
      var expected = Nps.aggregator();
      data.stream().filter(r -> r.customerId().equals(row.f0)
              && r.instant().toEpochMilli() >= start
              && r.instant().toEpochMilli() < start + Duration.ofDays(1).toMillis())
          .forEach(expected::accept);
      assertEquals(expected.summary(0.95), row.f2, row.toString());
    }
  }

  /** A watermark after every contact: the largest instant seen minus the lateness. */
  static final class PerEvent implements WatermarkGenerator<ServiceContact> {
    private final long lateness;
    private long max = Long.MIN_VALUE;

    PerEvent(long lateness) {
      this.lateness = lateness;
    }

    @Override
    public void onEvent(ServiceContact c, long ts, WatermarkOutput out) {
      if (ts > max) {
        max = ts;
        out.emitWatermark(new Watermark(max - lateness));
      }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput out) {}
  }

  @Test
  void repeatContactFcrEqualsThePlainLibraryAndLateContactsGoToTheSideOutput() throws Exception {
    SplittableRandom rnd = new SplittableRandom(11);
    long lateness = Duration.ofHours(1).toMillis();
    List<ServiceContact> contacts = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      long t = MONDAY.toEpochMilli() + i * 600_000L + rnd.nextLong(2 * lateness);
      if (i % 500 == 250) {
        t -= Duration.ofDays(3).toMillis(); // far behind: late
      }
      contacts.add(ServiceContact.builder("c" + rnd.nextInt(400), Instant.ofEpochMilli(t))
          .resolvedByAgent(rnd.nextInt(4) != 0).build());
    }
    RepeatContactDefinition def = Fcr.repeatContact().withAllowedLateness(Duration.ofHours(1));
    RepeatContactAggregator plain = Fcr.repeatContactAggregator(def);
    contacts.forEach(plain::accept);
    plain.endOfInput();
    RepeatContactResult expected = plain.result();
    assertTrue(expected.lateContacts() >= 8, "late contacts in the data: " + expected);

    assertEquals(Fcr.repeatContact(), def, "the README's snippet uses the default definition");
    StreamExecutionEnvironment env = env();
    DataStream<ServiceContact> contactStream = env
        .fromData(contacts, CxkpiTypes.serviceContacts()).setParallelism(1)
        .assignTimestampsAndWatermarks(WatermarkStrategy.<ServiceContact>forGenerator(
                ctx -> new PerEvent(lateness))
            .withTimestampAssigner((c, ts) -> c.instant().toEpochMilli()))
        .setParallelism(1);
    // README:flink-fcr
    RepeatContactFcrFunction fcr = new RepeatContactFcrFunction(Fcr.repeatContact());
    SingleOutputStreamOperator<FcrDecisions> decided = contactStream
        .keyBy(fcr.keySelector(), Types.STRING).process(fcr, RepeatContactFcrFunction.outputType());
    DataStream<ServiceContact> late = decided.getSideOutput(RepeatContactFcrFunction.LATE);
    // README:end
    DataStream<FcrDecisions> lateMarks = late
        .map(c -> new FcrDecisions("late:" + c.customerId(), 0, 0, 0, 0))
        .returns(RepeatContactFcrFunction.outputType());
    List<FcrDecisions> out = decided.union(lateMarks).executeAndCollect(100_000);
    long lateCount = out.stream().filter(d -> d.key().startsWith("late:")).count();
    FcrDecisions total = out.stream().filter(d -> !d.key().startsWith("late:"))
        .reduce(new FcrDecisions("all", 0, 0, 0, 0), FcrDecisions::plus);
    assertEquals(expected.lateContacts(), lateCount, "late contacts");
    assertEquals(expected.contactsDecided(), total.contactsDecided(), "contacts decided");
    assertEquals(expected.contactsRepeated(), total.contactsRepeated(), "repeated contacts");
    assertEquals(expected.episodesDecided(), total.episodesDecided(), "episodes");
    assertEquals(expected.episodesResolved(), total.episodesResolved(), "resolved episodes");
    io.github.cxkpi.testing.Readme.assertShows(getClass(), "flink-fcr");
  }
}
