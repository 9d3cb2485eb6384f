package io.github.cxkpi.flink;

import io.github.cxkpi.event.CaseEvent;
import io.github.cxkpi.event.CaseStatus;
import io.github.cxkpi.event.Channel;
import io.github.cxkpi.event.JourneyStage;
import io.github.cxkpi.event.ServiceContact;
import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.spi.KpiDetail;
import io.github.cxkpi.spi.KpiSummary;
import io.github.cxkpi.stats.Interval;
import java.io.IOException;
import java.io.Serial;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.jspecify.annotations.Nullable;

/** Field-by-field Flink serializers of the cxkpi event model and of {@link KpiSummary}. */
final class EventSerializers {
  private EventSerializers() {}

  private static final Instant EPOCH = Instant.EPOCH;

  static void writeCommon(DataOutputView out, String customer, Instant instant, Channel channel,
      JourneyStage stage, @Nullable String touchpoint, Map<String, String> attributes)
      throws IOException {
    out.writeUTF(customer);
    out.writeLong(instant.getEpochSecond());
    out.writeInt(instant.getNano());
    out.writeUTF(channel.name());
    out.writeByte(stage.ordinal());
    writeNullable(out, touchpoint);
    out.writeInt(attributes.size());
    for (Map.Entry<String, String> e : attributes.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeUTF(e.getValue());
    }
  }

  static void writeNullable(DataOutputView out, @Nullable String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      out.writeUTF(s);
    }
  }

  static @Nullable String readNullable(DataInputView in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }

  static Map<String, String> readAttributes(DataInputView in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 10_000) {
      throw new IOException("attribute count " + n + " out of range");
    }
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < n; i++) {
      m.put(in.readUTF(), in.readUTF());
    }
    return m;
  }

  /** The fields every interaction has, as read back. */
  record Common(String customer, Instant instant, Channel channel, JourneyStage stage,
      @Nullable String touchpoint, Map<String, String> attributes) {}

  /** Reads what {@link #writeCommon} wrote. */
  static Common readCommon(DataInputView in) throws IOException {
    String customer = in.readUTF();
    Instant instant = Instant.ofEpochSecond(in.readLong(), in.readInt());
    Channel channel = channel(in.readUTF());
    JourneyStage stage = stage(in.readByte());
    String touchpoint = readNullable(in);
    return new Common(customer, instant, channel, stage, touchpoint, readAttributes(in));
  }

  static Channel channel(String name) throws IOException {
    try {
      return new Channel(name);
    } catch (IllegalArgumentException e) {
      throw new IOException("corrupt channel: " + e.getMessage(), e);
    }
  }

  static JourneyStage stage(int ordinal) throws IOException {
    JourneyStage[] all = JourneyStage.values();
    if (ordinal < 0 || ordinal >= all.length) {
      throw new IOException("journey stage " + ordinal + " out of range");
    }
    return all[ordinal];
  }

  /** {@link SurveyResponse}. */
  static final class SurveyResponseSerializer extends ImmutableSerializer<SurveyResponse> {
    @Serial private static final long serialVersionUID = 1L;
    static final SurveyResponseSerializer INSTANCE = new SurveyResponseSerializer();

    @Override
    public SurveyResponse createInstance() {
      return SurveyResponse.builder("-", EPOCH).build();
    }

    @Override
    public void serialize(SurveyResponse r, DataOutputView out) throws IOException {
      writeCommon(out, r.customerId(), r.instant(), r.channel(), r.stage(), r.touchpoint(),
          r.attributes());
      out.writeUTF(r.question());
      Integer score = r.score();
      out.writeBoolean(score != null);
      if (score != null) {
        out.writeInt(score);
      }
      out.writeDouble(r.weight());
    }

    @Override
    public SurveyResponse deserialize(DataInputView in) throws IOException {
      Common c = readCommon(in);
      String question = in.readUTF();
      Integer score = in.readBoolean() ? in.readInt() : null;
      double weight = in.readDouble();
      try {
        return new SurveyResponse(c.customer(), c.instant(), c.channel(), c.stage(),
            c.touchpoint(), c.attributes(), question, score, weight);
      } catch (IllegalArgumentException e) {
        throw new IOException("corrupt survey response: " + e.getMessage(), e);
      }
    }

    @Override
    public TypeSerializerSnapshot<SurveyResponse> snapshotConfiguration() {
      return new Snapshot();
    }

    /** Its snapshot. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<SurveyResponse> {
      /** For Flink. */
      public Snapshot() {
        super(() -> INSTANCE);
      }
    }
  }

  /** {@link ServiceContact}. */
  static final class ServiceContactSerializer extends ImmutableSerializer<ServiceContact> {
    @Serial private static final long serialVersionUID = 1L;
    static final ServiceContactSerializer INSTANCE = new ServiceContactSerializer();

    @Override
    public ServiceContact createInstance() {
      return ServiceContact.builder("-", EPOCH).build();
    }

    @Override
    public void serialize(ServiceContact c, DataOutputView out) throws IOException {
      writeCommon(out, c.customerId(), c.instant(), c.channel(), c.stage(), c.touchpoint(),
          c.attributes());
      writeNullable(out, c.reason());
      writeNullable(out, c.caseId());
      writeNullable(out, c.agent());
      out.writeBoolean(c.resolvedByAgent());
      writeDuration(out, c.waitTime());
      writeDuration(out, c.handleTime());
      out.writeBoolean(c.abandoned());
    }

    @Override
    public ServiceContact deserialize(DataInputView in) throws IOException {
      Common c = readCommon(in);
      String reason = readNullable(in);
      String caseId = readNullable(in);
      String agent = readNullable(in);
      boolean resolved = in.readBoolean();
      Duration wait = readDuration(in);
      Duration handle = readDuration(in);
      boolean abandoned = in.readBoolean();
      try {
        return new ServiceContact(c.customer(), c.instant(), c.channel(), c.stage(),
            c.touchpoint(), c.attributes(), reason, caseId, agent, resolved, wait, handle,
            abandoned);
      } catch (IllegalArgumentException e) {
        throw new IOException("corrupt service contact: " + e.getMessage(), e);
      }
    }

    @Override
    public TypeSerializerSnapshot<ServiceContact> snapshotConfiguration() {
      return new Snapshot();
    }

    /** Its snapshot. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<ServiceContact> {
      /** For Flink. */
      public Snapshot() {
        super(() -> INSTANCE);
      }
    }
  }

  static void writeDuration(DataOutputView out, @Nullable Duration d) throws IOException {
    out.writeBoolean(d != null);
    if (d != null) {
      out.writeLong(d.getSeconds());
      out.writeInt(d.getNano());
    }
  }

  static @Nullable Duration readDuration(DataInputView in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    long seconds = in.readLong();
    int nanos = in.readInt();
    if (nanos < 0 || nanos > 999_999_999) {
      throw new IOException("duration nanos " + nanos + " out of range");
    }
    return Duration.ofSeconds(seconds, nanos);
  }

  static void writeInstant(DataOutputView out, Instant t) throws IOException {
    out.writeLong(t.getEpochSecond());
    out.writeInt(t.getNano());
  }

  static Instant readInstant(DataInputView in) throws IOException {
    long seconds = in.readLong();
    int nanos = in.readInt();
    try {
      return Instant.ofEpochSecond(seconds, nanos);
    } catch (java.time.DateTimeException | ArithmeticException e) {
      throw new IOException("corrupt instant: " + e.getMessage(), e);
    }
  }

  /**
   * {@link CaseEvent}, format 2: the fields of format 1, then the pending time (a nullable
   * duration). Format 1 (before the pending time) is still read, by {@link CaseEventV1Serializer},
   * when a savepoint written with it is restored: the snapshot tells the formats apart.
   */
  static final class CaseEventSerializer extends ImmutableSerializer<CaseEvent> {
    @Serial private static final long serialVersionUID = 1L;
    static final CaseEventSerializer INSTANCE = new CaseEventSerializer();

    @Override
    public CaseEvent createInstance() {
      return CaseEvent.builder("-", "-", CaseStatus.OPENED, EPOCH).build();
    }

    @Override
    public void serialize(CaseEvent e, DataOutputView out) throws IOException {
      writeCaseEvent(e, out);
      writeDuration(out, e.pending());
    }

    @Override
    public CaseEvent deserialize(DataInputView in) throws IOException {
      return readCaseEvent(in, true);
    }

    @Override
    public TypeSerializerSnapshot<CaseEvent> snapshotConfiguration() {
      return new Snapshot(2);
    }

    /**
     * Its snapshot. Snapshot versions 2 and 3 are those of the
     * {@link SimpleTypeSerializerSnapshot} that format 1 used (version 3 wrote nothing, version 2
     * the serializer's class name); version 4 writes the format, 1 or 2.
     */
    public static final class Snapshot implements TypeSerializerSnapshot<CaseEvent> {
      private static final int VERSION = 4;
      private int format;

      /** For Flink: the format is read from the snapshot. */
      public Snapshot() {
        this(2);
      }

      Snapshot(int format) {
        this.format = format;
      }

      int format() {
        return format;
      }

      @Override
      public int getCurrentVersion() {
        return VERSION;
      }

      @Override
      public void writeSnapshot(DataOutputView out) throws IOException {
        out.writeInt(format);
      }

      @Override
      public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader)
          throws IOException {
        if (readVersion < 2 || readVersion > VERSION) {
          throw new IOException("case event serializer snapshot version " + readVersion
              + " is not 2 to " + VERSION);
        }
        if (readVersion == 2) {
          in.readUTF(); // the serializer's class name, as SimpleTypeSerializerSnapshot wrote it
        }
        format = readVersion <= 3 ? 1 : in.readInt();
        if (format < 1 || format > 2) {
          throw new IOException("case event format " + format + " is not 1 or 2");
        }
      }

      @Override
      public TypeSerializer<CaseEvent> restoreSerializer() {
        return format == 1 ? CaseEventV1Serializer.INSTANCE : CaseEventSerializer.INSTANCE;
      }

      @Override
      public TypeSerializerSchemaCompatibility<CaseEvent> resolveSchemaCompatibility(
          TypeSerializerSnapshot<CaseEvent> oldSerializerSnapshot) {
        if (!(oldSerializerSnapshot instanceof Snapshot old) || old.format > format) {
          return TypeSerializerSchemaCompatibility.incompatible();
        }
        return old.format == format ? TypeSerializerSchemaCompatibility.compatibleAsIs()
            : TypeSerializerSchemaCompatibility.compatibleAfterMigration();
      }
    }
  }

  /**
   * {@link CaseEvent} in format 1, without the pending time: restores state written before it
   * (Flink then migrates the state to format 2); it reads and writes events with no pending time.
   */
  static final class CaseEventV1Serializer extends ImmutableSerializer<CaseEvent> {
    @Serial private static final long serialVersionUID = 1L;
    static final CaseEventV1Serializer INSTANCE = new CaseEventV1Serializer();

    @Override
    public CaseEvent createInstance() {
      return CaseEventSerializer.INSTANCE.createInstance();
    }

    @Override
    public void serialize(CaseEvent e, DataOutputView out) throws IOException {
      if (e.pending() != null) {
        throw new IOException("case event format 1 has no pending time, but " + e.caseId()
            + " has " + e.pending());
      }
      writeCaseEvent(e, out);
    }

    @Override
    public CaseEvent deserialize(DataInputView in) throws IOException {
      return readCaseEvent(in, false);
    }

    @Override
    public TypeSerializerSnapshot<CaseEvent> snapshotConfiguration() {
      return new CaseEventSerializer.Snapshot(1);
    }
  }

  /** The fields of case event format 1. */
  static void writeCaseEvent(CaseEvent e, DataOutputView out) throws IOException {
    writeCommon(out, e.customerId(), e.instant(), e.channel(), e.stage(), e.touchpoint(),
        e.attributes());
    out.writeUTF(e.caseId());
    out.writeByte(e.status().ordinal());
    writeInstant(out, e.opened());
    Instant solved = e.solved();
    out.writeBoolean(solved != null);
    if (solved != null) {
      writeInstant(out, solved);
    }
    writeNullable(out, e.agent());
    out.writeInt(e.reopenCount());
    Boolean sla = e.withinSla();
    out.writeByte(sla == null ? 2 : sla ? 1 : 0);
  }

  /** Reads the fields of format 1, then the pending time when the format has it. */
  static CaseEvent readCaseEvent(DataInputView in, boolean withPending) throws IOException {
    Common c = readCommon(in);
    String caseId = in.readUTF();
    int status = in.readByte();
    CaseStatus[] all = CaseStatus.values();
    if (status < 0 || status >= all.length) {
      throw new IOException("case status " + status + " out of range");
    }
    Instant opened = readInstant(in);
    Instant solved = in.readBoolean() ? readInstant(in) : null;
    String agent = readNullable(in);
    int reopens = in.readInt();
    int sla = in.readByte();
    if (sla < 0 || sla > 2) {
      throw new IOException("SLA flag byte " + sla + " out of range");
    }
    Duration pending = withPending ? readDuration(in) : null;
    try {
      return new CaseEvent(c.customer(), c.instant(), c.channel(), c.stage(), c.touchpoint(),
          c.attributes(), caseId, all[status], opened, solved, agent, reopens,
          sla == 2 ? null : sla == 1, pending);
    } catch (IllegalArgumentException e) {
      throw new IOException("corrupt case event: " + e.getMessage(), e);
    }
  }

  /** {@link KpiSummary}. */
  static final class KpiSummarySerializer extends ImmutableSerializer<KpiSummary> {
    @Serial private static final long serialVersionUID = 1L;
    static final KpiSummarySerializer INSTANCE = new KpiSummarySerializer();
    // Far above any KPI's detail count; a larger count can only be corruption.
    private static final int MAX_DETAILS = 1 << 16;

    @Override
    public KpiSummary createInstance() {
      return new KpiSummary("-", 0, Double.NaN, Interval.UNDEFINED, 0.95, true);
    }

    @Override
    public void serialize(KpiSummary s, DataOutputView out) throws IOException {
      out.writeUTF(s.kpiId());
      out.writeLong(s.n());
      out.writeDouble(s.value());
      out.writeDouble(s.interval().lower());
      out.writeDouble(s.interval().upper());
      out.writeDouble(s.level());
      out.writeBoolean(s.smallSample());
      out.writeInt(s.details().size());
      for (KpiDetail d : s.details()) {
        out.writeUTF(d.group());
        out.writeUTF(d.name());
        out.writeDouble(d.value());
        out.writeDouble(d.interval().lower());
        out.writeDouble(d.interval().upper());
      }
    }

    @Override
    public KpiSummary deserialize(DataInputView in) throws IOException {
      try {
        String kpiId = in.readUTF();
        long n = in.readLong();
        double value = in.readDouble();
        Interval interval = new Interval(in.readDouble(), in.readDouble());
        double level = in.readDouble();
        boolean small = in.readBoolean();
        int count = in.readInt();
        if (count < 0 || count > MAX_DETAILS) {
          throw new IOException("corrupt KPI summary: " + count + " details, must be 0 to "
              + MAX_DETAILS);
        }
        // Grown as read, so that a corrupt count cannot allocate ahead of the bytes.
        List<KpiDetail> details = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          details.add(new KpiDetail(in.readUTF(), in.readUTF(), in.readDouble(),
              new Interval(in.readDouble(), in.readDouble())));
        }
        return new KpiSummary(kpiId, n, value, interval, level, small, details);
      } catch (IllegalArgumentException e) {
        throw new IOException("corrupt KPI summary: " + e.getMessage(), e);
      }
    }

    @Override
    public TypeSerializerSnapshot<KpiSummary> snapshotConfiguration() {
      return new Snapshot();
    }

    /** Its snapshot. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<KpiSummary> {
      /** For Flink. */
      public Snapshot() {
        super(() -> INSTANCE);
      }
    }
  }
}
