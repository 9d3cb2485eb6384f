package io.github.cxkpi.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KpiTypeTest {
  /** A minimal aggregator: counts the strings of a given length. */
  static class Counter implements Aggregator<String, Counter, Long> {
    final int length;
    long n;

    Counter(int length) {
      this.length = length;
    }

    @Override public boolean accept(String s) {
      if (s.length() != length) {
        return false;
      }
      n++;
      return true;
    }

    @Override public Counter merge(Counter other) {
      n += other.n;
      return this;
    }

    @Override public Counter copy() {
      Counter c = new Counter(length);
      c.n = n;
      return c;
    }

    @Override public Counter reset() {
      n = 0;
      return this;
    }

    @Override public long count() {
      return n;
    }

    @Override public boolean isEmpty() {
      return n == 0;
    }

    @Override public Long result() {
      return n;
    }

    @Override public byte[] toBytes() {
      return ByteBuffer.allocate(12).putInt(length).putLong(n).array();
    }

    static Counter fromBytes(byte[] b) {
      ByteBuffer in = ByteBuffer.wrap(b);
      Counter c = new Counter(in.getInt());
      c.n = in.getLong();
      return c;
    }
  }

  static final KpiType<Integer, Counter> TYPE = KpiType.of("len", "Strings of a length", 70,
      Integer.class, 3, Counter.class, Counter::new, Counter::fromBytes);

  @Test
  void makesAndDecodesItsAggregators() {
    Counter c = TYPE.newAggregator();
    assertEquals(3, c.length, "the default definition");
    c.accept("abc");
    c.accept("ab");
    Counter back = TYPE.fromBytes(c.toBytes());
    assertEquals(1, back.count());
    assertEquals(5, TYPE.newAggregator(5).length);
    assertEquals("KPI type len (frame kind 70)", TYPE.toString());
    assertSame(Counter.class, TYPE.aggregatorType());
    assertSame(Integer.class, TYPE.definitionType());
  }

  @Test
  void refusesWhatTheRegistryWould() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KpiType.of(
        "x", "X", 1, Integer.class, 3, Counter.class, Counter::new, Counter::fromBytes));
    assertEquals("frame kind of KPI 'x' must be 2..255, was 1", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> KpiType.of(
        "x", "X", 256, Integer.class, 3, Counter.class, Counter::new, Counter::fromBytes));
    assertThrows(IllegalArgumentException.class, () -> KpiType.of(
        " ", "X", 70, Integer.class, 3, Counter.class, Counter::new, Counter::fromBytes));
    assertThrows(NullPointerException.class, () -> TYPE.fromBytes(null));
  }

  /** A provider that reports a type. */
  static final class Typed extends KpiRegistryTest.Fake {
    private final KpiType<?, ?> type;

    Typed(String id, int kind, KpiType<?, ?> type) {
      super(id, kind);
      this.type = type;
    }

    @Override
    public Optional<KpiType<?, ?>> type() {
      return Optional.of(type);
    }
  }

  @Test
  void theRegistryRefusesAProviderWhoseTypeDisagrees() {
    KpiRegistry ok = KpiRegistry.of(List.of(new Typed("len", 70, TYPE)));
    assertSame(TYPE, ok.get("len").type().orElseThrow());
    IllegalStateException kind = assertThrows(IllegalStateException.class,
        () -> KpiRegistry.of(List.of(new Typed("len", 71, TYPE))));
    assertTrue(kind.getMessage().contains("reports KPI type len (frame kind 70), which disagrees"),
        kind.getMessage());
    assertThrows(IllegalStateException.class,
        () -> KpiRegistry.of(List.of(new Typed("other", 70, TYPE))));
  }
}
