package io.github.cxkpi.cli;

import io.github.cxkpi.ces.Ces;
import io.github.cxkpi.csat.Csat;
import io.github.cxkpi.drivers.DriverDefinition;
import io.github.cxkpi.drivers.Drivers;
import io.github.cxkpi.drivers.DuplicatePolicy;
import io.github.cxkpi.nps.Nps;
import io.github.cxkpi.scale.OutOfRangePolicy;
import io.github.cxkpi.scale.RatingKpiAggregator;
import io.github.cxkpi.spi.KpiAggregator;
import io.github.cxkpi.spi.KpiProvider;
import io.github.cxkpi.spi.KpiRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The KPIs of a report: the registry's, with the scales the command line chose for NPS and
 * CSAT and the CES version.
 */
final class Kpis {
  private Kpis() {}

  /** A provider with a chosen definition. */
  private record Defined(String id, int frameKind, String displayName,
      Supplier<KpiAggregator> factory, Function<byte[], KpiAggregator> decoder,
      boolean computedByDefault) implements KpiProvider {
    @Override
    public KpiAggregator newAggregator() {
      return factory.get();
    }

    @Override
    public KpiAggregator fromBytes(byte[] bytes) {
      return decoder.apply(bytes);
    }
  }

  /**
   * Every KPI the registry finds, in its order; NPS, CSAT and CES with the scales and version the
   * command line chose. A KPI module on the class path shows up here with no edit.
   */
  static KpiRegistry registry(int[] npsScale, int[] csatScale, boolean ces1,
      DriverDefinition drivers) {
    var nps = Nps.definition().withScale(npsScale[0], npsScale[1]);
    var csat = Csat.onScale(csatScale[0], csatScale[1]);
    var ces = ces1 ? Ces.v1() : Ces.v2();
    List<KpiProvider> list = new ArrayList<>();
    for (KpiProvider found : KpiRegistry.load(Kpis.class.getClassLoader()).providers()) {
      list.add(switch (found.id()) {
        case Nps.ID -> new Defined(Nps.ID, Nps.TYPE.frameKind(), found.displayName(),
            () -> RatingKpiAggregator.of(Nps.aggregator(nps)),
            b -> RatingKpiAggregator.of(Nps.fromBytes(b)),
            found.computedByDefault());
        case Csat.ID -> new Defined(Csat.ID, Csat.TYPE.frameKind(), found.displayName(),
            () -> RatingKpiAggregator.of(Csat.aggregator(csat)),
            b -> RatingKpiAggregator.of(Csat.fromBytes(b)),
            found.computedByDefault());
        case Ces.ID -> new Defined(Ces.ID, Ces.TYPE.frameKind(),
            ces1 ? "Customer Effort Score 1.0" : found.displayName(),
            () -> RatingKpiAggregator.of(Ces.aggregator(ces)),
            b -> RatingKpiAggregator.of(Ces.fromBytes(b)),
            found.computedByDefault());
        case Drivers.ID -> new Defined(Drivers.ID, Drivers.TYPE.frameKind(), found.displayName(),
            () -> Drivers.asKpiAggregator(Drivers.aggregator(drivers)),
            b -> Drivers.asKpiAggregator(Drivers.fromBytes(b)),
            found.computedByDefault());
        default -> found; // as registered: no option of the command line applies
      });
    }
    return KpiRegistry.of(list);
  }

  /**
   * The key-driver definition of {@code --drivers OUTCOME=FACTOR,...}: the outcome on the NPS
   * scale when it is "nps", else on the factors' scale; {@code null} for the default outcome nps
   * and the eight common factors.
   */
  static DriverDefinition drivers(@Nullable String spec, int[] npsScale, int[] factorScale) {
    String outcome = "nps";
    List<String> factors = Drivers.COMMON_FACTORS;
    if (spec != null) {
      String[] parts = spec.split("=", 2);
      if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
        throw new IllegalArgumentException(
            "--drivers is OUTCOME=FACTOR,FACTOR,..., e.g. nps=helpfulness,value_for_time, was '"
                + spec + "'");
      }
      outcome = parts[0].trim();
      factors = new ArrayList<>();
      for (String f : parts[1].split(",")) {
        factors.add(f.trim());
      }
    }
    int[] outcomeScale = outcome.equals(Nps.ID) ? npsScale : factorScale;
    // Counted, never thrown: the drivers must not make the scorecard refuse a row that the other
    // KPIs took (a repeated answer, a factor off the drivers' scale).
    return Drivers.outcome(outcome, outcomeScale[0], outcomeScale[1])
        .withFactors(factorScale[0], factorScale[1], factors.toArray(String[]::new))
        .withOutOfRangePolicy(OutOfRangePolicy.COUNT_AS_REJECTED)
        .withDuplicatePolicy(DuplicatePolicy.COUNT_AS_REJECTED);
  }

  static int[] scale(String s) {
    String[] parts = s.split("\\.\\.|-", 2);
    try {
      if (parts.length == 2) {
        return new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())};
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("a scale is MIN..MAX, e.g. 1..5, was '" + s + "'");
  }
}
