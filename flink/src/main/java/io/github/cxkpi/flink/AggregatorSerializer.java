package io.github.cxkpi.flink;

import io.github.cxkpi.spi.Aggregator;
import io.github.cxkpi.codec.CodecException;
import io.github.cxkpi.codec.FrameReader;
import java.io.IOException;
import java.io.Serial;
import java.util.Objects;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A Flink {@link TypeSerializer} for a cxkpi aggregator, on the cxkpi codec: a length, then the
 * aggregator's checksummed, versioned frame. Its snapshot records the kind's id, so that state
 * written by one version of a job is read back by the next (the codec's own version byte covers
 * the payload).
 *
 * @param <A> the aggregator
 * @since 0.1.0
 */
public final class AggregatorSerializer<A extends Aggregator<?, A, ?>> extends TypeSerializer<A> {
  @Serial private static final long serialVersionUID = 1L;

  /** The kind of aggregator serialized (its KPI and class). */
  private final AggregatorKind<A> kind;

  /**
   * A serializer for a kind.
   *
   * @param kind the kind
   */
  public AggregatorSerializer(AggregatorKind<A> kind) {
    this.kind = Objects.requireNonNull(kind, "kind is null");
  }

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public TypeSerializer<A> duplicate() {
    return this; // stateless
  }

  @Override
  public A createInstance() {
    return kind.empty();
  }

  @Override
  public A copy(A from) {
    return kind.decode(kind.encode(from));
  }

  @Override
  public A copy(A from, A reuse) {
    return copy(from);
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(A record, DataOutputView target) throws IOException {
    byte[] bytes = kind.encode(record);
    FrameIo.write(bytes, target);
  }

  private static byte[] readFrame(DataInputView source) throws IOException {
    return FrameIo.read(source, FrameReader.MAX_FRAME_BYTES, "cxkpi aggregator");
  }


  @Override
  public A deserialize(DataInputView source) throws IOException {
    try {
      return kind.decode(readFrame(source));
    } catch (CodecException e) {
      throw new IOException("cannot read a " + kind + ": " + e.getMessage(), e);
    }
  }

  @Override
  public A deserialize(A reuse, DataInputView source) throws IOException {
    return deserialize(source);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    byte[] bytes = readFrame(source);
    FrameIo.write(bytes, target);
  }

  @Override
  public boolean equals(Object obj) {
    return obj instanceof AggregatorSerializer<?> s && s.kind == kind;
  }

  @Override
  public int hashCode() {
    return kind.id().hashCode();
  }

  @Override
  public TypeSerializerSnapshot<A> snapshotConfiguration() {
    return new Snapshot<>(kind);
  }

  /**
   * The serializer's snapshot: the kind's id. Version 1.
   *
   * @param <A> the aggregator
   */
  public static final class Snapshot<A extends Aggregator<?, A, ?>> implements TypeSerializerSnapshot<A> {
    private AggregatorKind<A> kind;

    /** For Flink's reflective instantiation when restoring. */
    @SuppressWarnings("unchecked")
    public Snapshot() {
      this.kind = (AggregatorKind<A>) AggregatorKind.NPS;
    }

    Snapshot(AggregatorKind<A> kind) {
      this.kind = kind;
    }

    @Override
    public int getCurrentVersion() {
      return 1;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
      out.writeUTF(kind.id());
    }

    @Override
    @SuppressWarnings("unchecked")
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader loader)
        throws IOException {
      if (readVersion != 1) {
        throw new IOException("unknown cxkpi serializer snapshot version " + readVersion);
      }
      try {
        kind = (AggregatorKind<A>) AggregatorKind.byId(in.readUTF());
      } catch (IllegalArgumentException e) {
        throw new IOException(e.getMessage(), e);
      }
    }

    @Override
    public TypeSerializer<A> restoreSerializer() {
      return new AggregatorSerializer<>(kind);
    }

    @Override
    public TypeSerializerSchemaCompatibility<A> resolveSchemaCompatibility(
        TypeSerializerSnapshot<A> oldSnapshot) {
      return oldSnapshot instanceof Snapshot<A> s && s.kind == kind
          ? TypeSerializerSchemaCompatibility.compatibleAsIs()
          : TypeSerializerSchemaCompatibility.incompatible();
    }
  }
}
