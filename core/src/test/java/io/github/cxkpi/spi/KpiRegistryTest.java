package io.github.cxkpi.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class KpiRegistryTest {

  /** A provider for the tests; its aggregators are never asked for. */
  static class Fake implements KpiProvider {
    private final String id;
    private final int kind;

    Fake(String id) {
      this(id, 16 + id.charAt(0) % 200);
    }

    Fake(String id, int kind) {
      this.id = id;
      this.kind = kind;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public int frameKind() {
      return kind;
    }

    @Override
    public String displayName() {
      return id.toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public KpiAggregator newAggregator() {
      throw new UnsupportedOperationException();
    }

    @Override
    public KpiAggregator fromBytes(byte[] bytes) {
      throw new UnsupportedOperationException();
    }
  }

  static final class OtherFake extends Fake {
    OtherFake(String id) {
      super(id);
    }
  }

  @Test
  void findsByIdAndNamesWhatIsMissing() {
    KpiRegistry r = KpiRegistry.of(List.of(new Fake("a"), new Fake("b")));
    assertEquals(List.of("a", "b"), List.copyOf(r.ids()));
    assertEquals("A", r.get("a").displayName());
    assertTrue(r.find("zzz").isEmpty());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.get("zzz"));
    assertTrue(e.getMessage().startsWith("no KPI with id 'zzz'; available: [a, b]"));
  }

  @Test
  void twoProvidersOfOneIdAreRefused() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> KpiRegistry.of(List.of(new Fake("a"), new OtherFake("a"))));
    assertTrue(e.getMessage().contains("two KPI providers claim the id 'a'"));
  }

  @Test
  void twoKpisOfOneFrameKindAreRefused() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> KpiRegistry.of(List.of(new Fake("a", 40), new Fake("b", 40))));
    assertEquals("KPIs 'a' and 'b' both claim frame kind 40 (" + Fake.class.getName() + ", "
        + Fake.class.getName() + ")", e.getMessage());
    assertThrows(IllegalStateException.class, () -> KpiRegistry.of(List.of(new Fake("c", 1))),
        "kind 1 is core's histogram");
    assertThrows(IllegalStateException.class, () -> KpiRegistry.of(List.of(new Fake("d", 256))));
  }

  @Test
  void aFrameOfAnUnknownKindIsACodecException() {
    KpiRegistry r = KpiRegistry.of(List.of(new Fake("a", 40)));
    byte[] frame = io.github.cxkpi.codec.FrameWriter.begin(41).putVarLong(0).finish();
    io.github.cxkpi.codec.CodecException e =
        assertThrows(io.github.cxkpi.codec.CodecException.class, () -> r.fromBytes(frame));
    assertTrue(e.getMessage().contains("no KPI of this registry writes frames of kind 41"),
        e.getMessage());
  }

  @Test
  void coreAloneFindsNoKpi() {
    assertTrue(KpiRegistry.load().ids().isEmpty(), "core names no KPI module");
  }
}
