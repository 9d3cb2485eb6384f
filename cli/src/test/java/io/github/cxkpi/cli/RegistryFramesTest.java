package io.github.cxkpi.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cxkpi.event.ServiceContact;
import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.spi.KpiAggregator;
import io.github.cxkpi.spi.KpiProvider;
import io.github.cxkpi.spi.KpiRegistry;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every KPI the registry finds has its own frame kind, and any of its frames decodes by it. */
class RegistryFramesTest {
  @Test
  void anyFrameDecodesThroughTheRegistry() {
    KpiRegistry registry = KpiRegistry.load();
    assertEquals(Set.of("nps", "csat", "ces", "fcr", "fcr-repeat", "drivers", "frt", "ttr",
        "rwt", "aht", "asa", "abandonment"), registry.ids());
    Set<Integer> kinds = new HashSet<>();
    Instant t = Instant.parse("2026-03-02T09:00:00Z");
    for (KpiProvider p : registry.providers()) {
      kinds.add(p.frameKind());
      KpiAggregator a = p.newAggregator();
      for (var i : List.of(SurveyResponse.builder("c", t).question(p.id()).score(1).build(),
          ServiceContact.builder("c", t).build(),
          ServiceContact.builder("c", t).waitTime(java.time.Duration.ofSeconds(12))
              .handleTime(java.time.Duration.ofMinutes(5)).build(),
          io.github.cxkpi.event.CaseEvent.builder("c", "k", io.github.cxkpi.event.CaseStatus.CLOSED,
              t).opened(t.minusSeconds(7200)).solved(t.minusSeconds(3600))
              .pending(java.time.Duration.ofSeconds(600)).build())) {
        a.accept(i);
      }
      byte[] bytes = a.toBytes();
      KpiAggregator back = registry.fromBytes(bytes);
      assertEquals(p.id(), back.kpiId());
      assertArrayEquals(bytes, back.toBytes());
    }
    assertEquals(registry.ids().size(), kinds.size(), "one frame kind per KPI");
  }
}
