package io.github.cxkpi.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cxkpi.event.CaseEvent;
import io.github.cxkpi.event.CaseStatus;
import io.github.cxkpi.event.Channel;
import io.github.cxkpi.event.ServiceContact;
import io.github.cxkpi.spi.KpiSummary;
import io.github.cxkpi.time.ServiceTimeAggregator;
import io.github.cxkpi.time.ServiceTimes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The event serializers carry the service-time fields and case events; speed of answer runs. */
class ServiceTimesFlinkTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1)
          .setNumberSlotsPerTaskManager(2).build());

  private static final Instant MONDAY = Instant.parse("2026-01-05T00:00:00Z");

  private static <T> T roundTrip(TypeSerializer<T> s, T value) throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(64);
    s.serialize(value, out);
    return s.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
  }

  @Test
  void serializersCarryDurationsAndCaseEvents() throws Exception {
    ServiceContact c = ServiceContact.builder("a", MONDAY).waitTime(Duration.ofMillis(12_345))
        .handleTime(Duration.ofMinutes(7)).agent("x").build();
    assertEquals(c, roundTrip(CxkpiTypes.serviceContacts().createSerializer(null), c));
    ServiceContact gone = ServiceContact.builder("a", MONDAY).waitTime(Duration.ofSeconds(40))
        .abandoned(true).build();
    assertEquals(gone, roundTrip(CxkpiTypes.serviceContacts().createSerializer(null), gone));
    CaseEvent e = CaseEvent.builder("a", "INC1", CaseStatus.CLOSED, MONDAY.plusSeconds(86_400))
        .opened(MONDAY).solved(MONDAY.plusSeconds(3600)).reopenCount(1).withinSla(false)
        .attribute("priority", "2").build();
    assertEquals(e, roundTrip(CxkpiTypes.caseEvents().createSerializer(null), e));
    CaseEvent open = CaseEvent.builder("a", "INC2", CaseStatus.OPENED, MONDAY).build();
    assertEquals(open, roundTrip(CxkpiTypes.caseEvents().createSerializer(null), open));
  }

  @Test
  void speedOfAnswerRunsByItsId() throws Exception {
    List<ServiceContact> contacts = new ArrayList<>();
    Map<String, ServiceTimeAggregator> expected = new TreeMap<>();
    for (int i = 0; i < 300; i++) {
      Channel ch = i % 3 == 0 ? Channel.PHONE : Channel.CHAT;
      ServiceContact c = ServiceContact.builder("c" + i, MONDAY.plusSeconds(600L * i))
          .channel(ch).waitTime(Duration.ofMillis(137L * (i % 97))).abandoned(i % 11 == 0)
          .build();
      contacts.add(c);
      expected.computeIfAbsent(ch.name(), k -> ServiceTimes.speedOfAnswer()).accept(c);
    }
    KpiAggregateFunction<ServiceContact> fn = KpiAggregateFunction.of("asa");
    List<Tuple3<String, String, KpiSummary>> rows = FlinkJobsTest.env()
        .fromData(contacts, CxkpiTypes.serviceContacts())
        .assignTimestampsAndWatermarks(WatermarkStrategy.<ServiceContact>forMonotonousTimestamps()
            .withTimestampAssigner((c, ts) -> c.instant().toEpochMilli()))
        .keyBy(c -> c.channel().name(), Types.STRING)
        .window(TumblingEventTimeWindows.of(Duration.ofDays(7), Duration.ofDays(4)))
        .aggregate(fn, new KeyAndWindow(), fn.accumulatorType(), fn.resultType(),
            KeyAndWindow.outputType())
        .executeAndCollect(100);
    assertEquals(2, rows.size(), rows.toString());
    for (Tuple3<String, String, KpiSummary> row : rows) {
      ServiceTimeAggregator e = expected.get(row.f0);
      assertEquals(e.count(), row.f2.n());
      assertEquals(e.result().meanSeconds(), row.f2.value(), 1e-12);
      assertEquals(e.result().durations().quantile(0.9).seconds(),
          row.f2.details().get(1).value(), 1e-12);
    }
  }
}
