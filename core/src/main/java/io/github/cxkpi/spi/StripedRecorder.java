package io.github.cxkpi.spi;

import io.github.cxkpi.internal.WriterCells;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** {@link Recorder#of}: any aggregator behind {@link WriterCells}. */
final class StripedRecorder<I, A extends Aggregator<I, A, ?>> implements Recorder<I, A> {
  private final Supplier<A> factory;
  private final WriterCells<A> cells;

  StripedRecorder(Supplier<A> factory) {
    this.factory = Objects.requireNonNull(factory, "emptyAggregator is null");
    this.cells = new WriterCells<>(factory, A::merge, A::reset);
  }

  @Override
  public boolean record(I input) {
    Objects.requireNonNull(input, "input is null");
    WriterCells.Cell<A> c = cells.cell();
    A a = cells.enter(c);
    try {
      return a.accept(input);
    } finally {
      cells.exit(c);
    }
  }

  @Override
  public A intervalSnapshot() {
    return cells.snapshotInto(factory.get());
  }

  @Override
  public A intervalSnapshot(@Nullable A into) {
    if (into == null) {
      return intervalSnapshot();
    }
    // An empty aggregator of this recorder's merged into an empty copy of the target: refused
    // there, before any writer's buffer is touched, if the two cannot merge.
    try {
      into.copy().reset().merge(factory.get());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot take a snapshot of this recorder into " + into
          + ": " + e.getMessage(), e);
    }
    return cells.snapshotInto(into.reset());
  }

  @Override
  public int writerCells() {
    return cells.count();
  }

  @Override
  public String toString() {
    return "Recorder[" + cells.count() + " writer cells]";
  }
}
