package io.github.cxkpi.flink;

import java.io.IOException;
import java.io.Serial;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** The Flink serializer of {@link FcrDecisions}. */
final class FcrDecisionsSerializer extends ImmutableSerializer<FcrDecisions> {
  @Serial private static final long serialVersionUID = 1L;
  static final FcrDecisionsSerializer INSTANCE = new FcrDecisionsSerializer();

  @Override
  public FcrDecisions createInstance() {
    return new FcrDecisions("-", 0, 0, 0, 0);
  }

  @Override
  public void serialize(FcrDecisions d, DataOutputView out) throws IOException {
    out.writeUTF(d.key());
    out.writeLong(d.contactsDecided());
    out.writeLong(d.contactsRepeated());
    out.writeLong(d.episodesDecided());
    out.writeLong(d.episodesResolved());
  }

  @Override
  public FcrDecisions deserialize(DataInputView in) throws IOException {
    return new FcrDecisions(in.readUTF(), in.readLong(), in.readLong(), in.readLong(),
        in.readLong());
  }

  @Override
  public TypeSerializerSnapshot<FcrDecisions> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Its snapshot. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<FcrDecisions> {
    /** For Flink. */
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
