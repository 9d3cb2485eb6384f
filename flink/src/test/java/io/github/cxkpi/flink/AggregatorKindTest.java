package io.github.cxkpi.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.fcr.Fcr;
import io.github.cxkpi.nps.Nps;
import io.github.cxkpi.nps.NpsAggregator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/** Kinds come from the KPIs' types: one per id, found through the registry, no switch. */
class AggregatorKindTest {
  @Test
  void oneKindPerIdWhicheverWayItIsAskedFor() throws Exception {
    assertSame(AggregatorKind.NPS, AggregatorKind.of(Nps.TYPE));
    assertSame(AggregatorKind.NPS, AggregatorKind.byId("nps"));
    assertSame(AggregatorKind.REPEAT_FCR, AggregatorKind.byId(Fcr.REPEAT_ID));
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(b)) {
      out.writeObject(AggregatorKind.CSAT);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b.toByteArray()))) {
      assertSame(AggregatorKind.CSAT, in.readObject(), "resolved to the one kind");
    }
  }

  @Test
  void encodesDecodesAndMakesThroughTheType() {
    NpsAggregator a = Nps.aggregator().addAll(0, 9, 10);
    NpsAggregator back = AggregatorKind.NPS.decode(AggregatorKind.NPS.encode(a));
    assertEquals(a.result(), back.result());
    assertTrue(AggregatorKind.NPS.empty().isEmpty());
    assertSame(NpsAggregator.class, AggregatorKind.NPS.type());
  }

  @Test
  void anIdWithoutATypedKpiIsNamed() {
    // The example KPI is registered but untyped: Flink runs it through KpiAggregateFunction.
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AggregatorKind.byId("agent-resolved"));
    assertTrue(e.getMessage().contains("'agent-resolved'"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> AggregatorKind.byId("nope"));
  }
}
