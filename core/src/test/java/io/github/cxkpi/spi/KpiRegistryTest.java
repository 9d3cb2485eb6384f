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

    Fake(String id) {
      this.id = id;
    }

    @Override
    public String id() {
      return id;
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
  void coreAloneFindsNoKpi() {
    assertTrue(KpiRegistry.load().ids().isEmpty(), "core names no KPI module");
  }
}
