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
    CaseEvent waited = CaseEvent.builder("a", "INC3", CaseStatus.CLOSED,
        MONDAY.plusSeconds(86_400)).opened(MONDAY).solved(MONDAY.plusSeconds(7200))
        .pending(Duration.ofMillis(3_600_250)).build();
    assertEquals(waited, roundTrip(CxkpiTypes.caseEvents().createSerializer(null), waited));
  }

  /**
   * Case events as format 1 (before the pending time) wrote them: the event {@code e} of
   * {@link #serializersCarryDurationsAndCaseEvents}, without a pending time.
   */
  static final String CASE_EVENT_FORMAT_1 = "00016100000000695c5080000000000007756e6b6e6f776e"
      + "03000000000100087072696f726974790001320004494e43310400000000695aff0000000000010000"
      + "0000695b0d1000000000000000000100";

  private static CaseEvent formatOneEvent() {
    return CaseEvent.builder("a", "INC1", CaseStatus.CLOSED, MONDAY.plusSeconds(86_400))
        .opened(MONDAY).solved(MONDAY.plusSeconds(3600)).reopenCount(1).withinSla(false)
        .attribute("priority", "2").build();
  }

  @Test
  void stateWrittenBeforeThePendingTimeIsRestoredAndMigrated() throws Exception {
    CaseEvent e = formatOneEvent();
    DataOutputSerializer v1 = new DataOutputSerializer(64);
    EventSerializers.CaseEventV1Serializer.INSTANCE.serialize(e, v1);
    assertEquals(CASE_EVENT_FORMAT_1, java.util.HexFormat.of().formatHex(v1.getCopyOfBuffer()));
    // Format 2 is format 1 and then the pending time (absent: one false byte).
    DataOutputSerializer v2 = new DataOutputSerializer(64);
    EventSerializers.CaseEventSerializer.INSTANCE.serialize(e, v2);
    assertEquals(CASE_EVENT_FORMAT_1 + "00", java.util.HexFormat.of().formatHex(
        v2.getCopyOfBuffer()));
    // A savepoint of before holds the snapshot class's name and SimpleTypeSerializerSnapshot's
    // version 3, with no content.
    DataOutputSerializer old = new DataOutputSerializer(64);
    old.writeUTF(EventSerializers.CaseEventSerializer.Snapshot.class.getName());
    old.writeInt(3);
    org.apache.flink.api.common.typeutils.TypeSerializerSnapshot<CaseEvent> restored =
        org.apache.flink.api.common.typeutils.TypeSerializerSnapshot.readVersionedSnapshot(
            new DataInputDeserializer(old.getCopyOfBuffer()), getClass().getClassLoader());
    TypeSerializer<CaseEvent> reader = restored.restoreSerializer();
    assertEquals(e, reader.deserialize(new DataInputDeserializer(
        java.util.HexFormat.of().parseHex(CASE_EVENT_FORMAT_1))));
    org.apache.flink.api.common.typeutils.TypeSerializerSnapshot<CaseEvent> current =
        CxkpiTypes.caseEvents().createSerializer(null).snapshotConfiguration();
    assertEquals(true, current.resolveSchemaCompatibility(restored).isCompatibleAfterMigration());
    // Today's snapshot round-trips as format 2, compatible as is.
    DataOutputSerializer now = new DataOutputSerializer(64);
    org.apache.flink.api.common.typeutils.TypeSerializerSnapshot.writeVersionedSnapshot(now,
        current);
    org.apache.flink.api.common.typeutils.TypeSerializerSnapshot<CaseEvent> back =
        org.apache.flink.api.common.typeutils.TypeSerializerSnapshot.readVersionedSnapshot(
            new DataInputDeserializer(now.getCopyOfBuffer()), getClass().getClassLoader());
    assertEquals(true, current.resolveSchemaCompatibility(back).isCompatibleAsIs());
    assertEquals(EventSerializers.CaseEventSerializer.INSTANCE, back.restoreSerializer());
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
