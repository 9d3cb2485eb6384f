package io.github.cxkpi.flink;

import io.github.cxkpi.event.Channel;
import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.nps.Nps;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.legacy.DiscardingSink;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;

/**
 * End-to-end throughput on a local Flink cluster: NPS per channel and week with
 * {@link RatingAggregateFunction}, against the same job that only counts the events (the
 * overhead of computing the KPI). Not a test: run it by hand, e.g.
 * {@code java -cp "$(cat cp.txt):flink/target/classes:flink/target/test-classes"
 * io.github.cxkpi.flink.FlinkThroughput}.
 */
public final class FlinkThroughput {
  private FlinkThroughput() {}

  static final long START = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();
  static final String[] CHANNELS = {"web", "app", "email", "phone", "chat", "store"};

  /** Counts events. */
  static final class Count implements AggregateFunction<SurveyResponse, Long, Long> {
    @Override
    public Long createAccumulator() {
      return 0L;
    }

    @Override
    public Long add(SurveyResponse value, Long acc) {
      return acc + 1;
    }

    @Override
    public Long getResult(Long acc) {
      return acc;
    }

    @Override
    public Long merge(Long a, Long b) {
      return a + b;
    }
  }

  static double run(boolean nps, long n) throws Exception {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    GeneratorFunction<Long, SurveyResponse> gen = i -> SurveyResponse.builder("c", Instant
        .ofEpochMilli(START + i * 5000)).channel(Channel.of(CHANNELS[(int) (i % 6)]))
        .score((int) ((i * 7919) % 11)).build();
    KeyedStream<SurveyResponse, String> keyed = env.fromSource(
            new DataGeneratorSource<>(gen, n, CxkpiTypes.surveyResponses()),
            WatermarkStrategy.<SurveyResponse>forMonotonousTimestamps()
                .withTimestampAssigner((r, ts) -> r.instant().toEpochMilli()), "responses")
        .keyBy(r -> r.channel().name(), Types.STRING);
    var windowed = keyed.window(TumblingEventTimeWindows.of(Duration.ofDays(7), Duration.ofDays(4)));
    if (nps) {
      RatingAggregateFunction<io.github.cxkpi.nps.NpsAggregator> f =
          RatingAggregateFunction.nps(Nps.definition());
      windowed.aggregate(f, f.accumulatorType(), f.resultType()).addSink(new DiscardingSink<>());
    } else {
      windowed.aggregate(new Count(), Types.LONG, Types.LONG).addSink(new DiscardingSink<>());
    }
    long t0 = System.nanoTime();
    env.execute(nps ? "nps" : "count");
    return n / ((System.nanoTime() - t0) / 1e9);
  }

  /**
   * Runs the measurement.
   *
   * @param args optionally the number of events (default 5,000,000)
   * @throws Exception when a job fails
   */
  public static void main(String[] args) throws Exception {
    long n = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000L;
    run(true, n / 10); // warm up
    run(false, n / 10);
    for (int round = 0; round < 3; round++) {
      double count = run(false, n);
      double nps = run(true, n);
      System.out.printf(Locale.ROOT, "round %d: count-only %.2fM events/s, NPS %.2fM events/s,"
          + " ratio %.2f%n", round, count / 1e6, nps / 1e6, count / nps);
    }
  }
}
