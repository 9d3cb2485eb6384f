package io.github.cxkpi.flink;

import java.io.IOException;
import java.io.Serial;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The common part of this module's serializers of immutable values (events, summaries,
 * decisions): copies are the value itself, and a subclass says only how to write and read one.
 *
 * @param <T> the immutable type
 */
abstract class ImmutableSerializer<T> extends TypeSerializerSingleton<T> {
  @Serial private static final long serialVersionUID = 1L;

  @Override
  public final boolean isImmutableType() {
    return true;
  }

  @Override
  public final T copy(T from) {
    return from;
  }

  @Override
  public final T copy(T from, T reuse) {
    return from;
  }

  @Override
  public final int getLength() {
    return -1;
  }

  @Override
  public final T deserialize(T reuse, DataInputView in) throws IOException {
    return deserialize(in);
  }

  @Override
  public final void copy(DataInputView in, DataOutputView out) throws IOException {
    serialize(deserialize(in), out);
  }
}
