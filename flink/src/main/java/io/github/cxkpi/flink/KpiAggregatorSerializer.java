package io.github.cxkpi.flink;

import io.github.cxkpi.codec.CodecException;
import io.github.cxkpi.spi.KpiAggregator;
import io.github.cxkpi.spi.KpiProvider;
import io.github.cxkpi.spi.KpiRegistry;
import java.io.IOException;
import java.io.Serial;
import java.util.Objects;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.jspecify.annotations.Nullable;

/**
 * Flink's serializer of any registered KPI's aggregator, seen through the SPI: the KPI's own
 * frame ({@link KpiAggregator#toBytes()}), read back by the KPI that the registry finds for its
 * id. A KPI module on the class path needs nothing else to be an accumulator or keyed state.
 *
 * @since 0.1.0
 */
public final class KpiAggregatorSerializer extends TypeSerializer<KpiAggregator> {
  @Serial private static final long serialVersionUID = 1L;

  /** The longest frame read: a KPI aggregator of the SPI is small (2 GiB is corrupt input). */
  private static final int MAX_FRAME = 1 << 30;

  /** The KPI's id in the registry. */
  private final String kpiId;
  /** The KPI, found in the task's registry on first use. */
  private transient @Nullable KpiProvider provider;

  /**
   * The serializer of a KPI's aggregators.
   *
   * @param kpiId the KPI's id in the registry
   */
  public KpiAggregatorSerializer(String kpiId) {
    this.kpiId = Objects.requireNonNull(kpiId, "kpiId is null");
  }

  private KpiProvider provider() {
    KpiProvider p = provider;
    if (p == null) {
      p = KpiRegistry.load().get(kpiId);
      provider = p;
    }
    return p;
  }

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public TypeSerializer<KpiAggregator> duplicate() {
    return new KpiAggregatorSerializer(kpiId);
  }

  @Override
  public KpiAggregator createInstance() {
    return provider().newAggregator();
  }

  @Override
  public KpiAggregator copy(KpiAggregator from) {
    return from.copy();
  }

  @Override
  public KpiAggregator copy(KpiAggregator from, KpiAggregator reuse) {
    return from.copy();
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(KpiAggregator record, DataOutputView target) throws IOException {
    byte[] bytes = record.toBytes();
    FrameIo.write(bytes, target);
  }

  private static byte[] readFrame(DataInputView source) throws IOException {
    return FrameIo.read(source, MAX_FRAME, "cxkpi KPI aggregator");
  }


  @Override
  public KpiAggregator deserialize(DataInputView source) throws IOException {
    try {
      return provider().fromBytes(readFrame(source));
    } catch (CodecException e) {
      throw new IOException("cannot read a " + kpiId + " aggregator: " + e.getMessage(), e);
    }
  }

  @Override
  public KpiAggregator deserialize(KpiAggregator reuse, DataInputView source)
      throws IOException {
    return deserialize(source);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    byte[] bytes = readFrame(source);
    FrameIo.write(bytes, target);
  }

  @Override
  public boolean equals(@Nullable Object obj) {
    return obj instanceof KpiAggregatorSerializer s && s.kpiId.equals(kpiId);
  }

  @Override
  public int hashCode() {
    return kpiId.hashCode();
  }

  @Override
  public TypeSerializerSnapshot<KpiAggregator> snapshotConfiguration() {
    return new Snapshot(kpiId);
  }

  /** The serializer's snapshot: the KPI's id. Version 1. */
  public static final class Snapshot implements TypeSerializerSnapshot<KpiAggregator> {
    private String kpiId;

    /** For Flink's reflective instantiation when restoring. */
    public Snapshot() {
      this.kpiId = "";
    }

    Snapshot(String kpiId) {
      this.kpiId = kpiId;
    }

    @Override
    public int getCurrentVersion() {
      return 1;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
      out.writeUTF(kpiId);
    }

    @Override
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader loader)
        throws IOException {
      if (readVersion != 1) {
        throw new IOException("unknown cxkpi KPI serializer snapshot version " + readVersion);
      }
      kpiId = in.readUTF();
    }

    @Override
    public TypeSerializer<KpiAggregator> restoreSerializer() {
      return new KpiAggregatorSerializer(kpiId);
    }

    @Override
    public TypeSerializerSchemaCompatibility<KpiAggregator> resolveSchemaCompatibility(
        TypeSerializerSnapshot<KpiAggregator> oldSnapshot) {
      return oldSnapshot instanceof Snapshot s && s.kpiId.equals(kpiId)
          ? TypeSerializerSchemaCompatibility.compatibleAsIs()
          : TypeSerializerSchemaCompatibility.incompatible();
    }
  }
}
