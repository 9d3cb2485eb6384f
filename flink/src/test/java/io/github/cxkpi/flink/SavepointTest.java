package io.github.cxkpi.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.event.ServiceContact;
import io.github.cxkpi.fcr.Fcr;
import io.github.cxkpi.fcr.RepeatContactAggregator;
import io.github.cxkpi.fcr.RepeatContactDefinition;
import io.github.cxkpi.fcr.RepeatContactResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.legacy.SinkFunction;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repeat-contact FCR stopped with a savepoint in the middle of its stream and restored gives
 * the same final figures as an uninterrupted run and as the plain library: the pending
 * episodes survive in Flink's keyed state, through the cxkpi serializer.
 */
class SavepointTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1)
          .setNumberSlotsPerTaskManager(2).build());

  static final int CONTACTS = 3000;
  static final long START = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();
  static final ConcurrentLinkedQueue<FcrDecisions> SINK = new ConcurrentLinkedQueue<>();

  /** The i-th contact, deterministic: every 10 minutes, jittered within the lateness. */
  static ServiceContact contact(long i) {
    SplittableRandom rnd = new SplittableRandom(i * 31 + 7);
    long t = START + i * 600_000L + rnd.nextLong(Duration.ofMinutes(50).toMillis());
    return ServiceContact.builder("c" + rnd.nextInt(300), Instant.ofEpochMilli(t))
        .resolvedByAgent(rnd.nextInt(4) != 0).build();
  }

  /** Collects into {@link #SINK} (the MiniCluster runs in this JVM). */
  static final class Collect implements SinkFunction<FcrDecisions> {
    @Override
    public void invoke(FcrDecisions value, Context context) {
      SINK.add(value);
    }
  }

  static JobClient submit(Configuration conf, double perSecond) throws Exception {
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    RepeatContactDefinition def = Fcr.repeatContact();
    RepeatContactFcrFunction fn = new RepeatContactFcrFunction(def);
    GeneratorFunction<Long, ServiceContact> gen = SavepointTest::contact;
    DataGeneratorSource<ServiceContact> source = new DataGeneratorSource<>(gen, CONTACTS,
        RateLimiterStrategy.perSecond(perSecond), CxkpiTypes.serviceContacts());
    env.fromSource(source, WatermarkStrategy.<ServiceContact>forGenerator(
                ctx -> new FlinkJobsTest.PerEvent(Duration.ofHours(1).toMillis()))
            .withTimestampAssigner((c, ts) -> c.instant().toEpochMilli()), "contacts")
        .setParallelism(1).uid("contacts")
        .keyBy(fn.keySelector(), Types.STRING)
        .process(fn, RepeatContactFcrFunction.outputType()).uid("fcr")
        .addSink(new Collect()).uid("sink");
    return env.executeAsync("fcr");
  }

  static FcrDecisions total() {
    return SINK.stream().reduce(new FcrDecisions("all", 0, 0, 0, 0), FcrDecisions::plus);
  }

  @Test
  void stoppedWithASavepointAndRestoredGivesTheSameFinalResult(@TempDir Path dir)
      throws Exception {
    RepeatContactAggregator plain = Fcr.repeatContactAggregator();
    for (long i = 0; i < CONTACTS; i++) {
      plain.accept(contact(i));
    }
    plain.endOfInput();
    RepeatContactResult expected = plain.result();
    assertEquals(0, expected.lateContacts());

    SINK.clear();
    submit(new Configuration(), 1_000_000).getJobExecutionResult().get(120, TimeUnit.SECONDS);
    FcrDecisions uninterrupted = total();
    assertEquals(expected.episodesDecided(), uninterrupted.episodesDecided());
    assertEquals(expected.episodesResolved(), uninterrupted.episodesResolved());
    assertEquals(expected.contactsRepeated(), uninterrupted.contactsRepeated());

    SINK.clear();
    JobClient first = submit(new Configuration(), 1500);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (total().episodesDecided() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    String savepoint = first.stopWithSavepoint(false, dir.toUri().toString(),
        SavepointFormatType.CANONICAL).get(60, TimeUnit.SECONDS);
    long before = total().episodesDecided();
    assertTrue(before > 0 && before < expected.episodesDecided(),
        "stopped in the middle: " + before + " of " + expected.episodesDecided());
    Configuration restore = new Configuration();
    restore.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
    submit(restore, 1_000_000).getJobExecutionResult().get(120, TimeUnit.SECONDS);
    FcrDecisions resumed = total();
    assertEquals(uninterrupted.contactsDecided(), resumed.contactsDecided(), "contacts decided");
    assertEquals(uninterrupted.contactsRepeated(), resumed.contactsRepeated(), "repeated");
    assertEquals(uninterrupted.episodesDecided(), resumed.episodesDecided(), "episodes");
    assertEquals(uninterrupted.episodesResolved(), resumed.episodesResolved(), "resolved");
  }
}
