package io.github.cxkpi.scorecard;

import io.github.cxkpi.codec.FrameReader;
import io.github.cxkpi.codec.FrameWriter;
import io.github.cxkpi.event.Interaction;
import io.github.cxkpi.event.ServiceContact;
import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.spi.KpiAggregator;
import io.github.cxkpi.spi.KpiProvider;
import io.github.cxkpi.spi.KpiRegistry;
import io.github.cxkpi.spi.KpiSummary;
import io.github.cxkpi.stats.Difference;
import io.github.cxkpi.stats.Proportions;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Two KPIs written for core's scorecard tests, so that the scorecard is tested where it lives,
 * with no KPI module: the share of contacts resolved by the agent ({@code "resolved"}) and the
 * share of answers to question "q" at 4 or 5 ({@code "top2"}). Each is a count of hits among
 * counted interactions, with a Wilson interval, like a real share KPI.
 */
final class ShareKpis {
  private ShareKpis() {}

  static final String RESOLVED = "resolved";
  static final String TOP2 = "top2";

  /** Whether an interaction counts for a KPI, and whether it is a hit. */
  record Rule(Predicate<Interaction> counts, Predicate<Interaction> hit) {}

  static Rule rule(String id) {
    return switch (id) {
      case RESOLVED -> new Rule(i -> i instanceof ServiceContact,
          i -> ((ServiceContact) i).resolvedByAgent());
      case TOP2 -> new Rule(i -> i instanceof SurveyResponse r && r.question().equals("q")
          && r.score() != null, i -> ((SurveyResponse) i).score() >= 4);
      default -> throw new IllegalArgumentException(id);
    };
  }

  static KpiRegistry registry() {
    return KpiRegistry.of(List.of(new Provider(RESOLVED, 40), new Provider(TOP2, 41)));
  }

  static final class Provider implements KpiProvider {
    private final String id;
    private final int kind;

    Provider(String id, int kind) {
      this.id = id;
      this.kind = kind;
    }

    @Override public String id() {
      return id;
    }

    @Override public int frameKind() {
      return kind;
    }

    @Override public String displayName() {
      return "share " + id;
    }

    @Override public KpiAggregator newAggregator() {
      return new Share(id, kind, rule(id), 0, 0);
    }

    @Override public KpiAggregator fromBytes(byte[] bytes) {
      FrameReader r = FrameReader.open(bytes, kind, id);
      long n = r.getVarLong("n", 0, Long.MAX_VALUE);
      long hits = r.getVarLong("hits", 0, n);
      r.finish();
      return new Share(id, kind, rule(id), n, hits);
    }
  }

  static final class Share implements KpiAggregator {
    private final String id;
    private final int kind;
    private final Rule rule;
    long n;
    long hits;

    Share(String id, int kind, Rule rule, long n, long hits) {
      this.id = id;
      this.kind = kind;
      this.rule = rule;
      this.n = n;
      this.hits = hits;
    }

    @Override public String kpiId() {
      return id;
    }

    @Override public boolean accept(Interaction i) {
      if (!rule.counts().test(Objects.requireNonNull(i))) {
        return false;
      }
      n++;
      hits += rule.hit().test(i) ? 1 : 0;
      return true;
    }

    private Share peer(KpiAggregator other) {
      if (other instanceof Share s && s.id.equals(id)) {
        return s;
      }
      throw new IllegalArgumentException("cannot combine " + id + " with " + other.kpiId());
    }

    @Override public KpiAggregator merge(KpiAggregator other) {
      Share o = peer(other);
      n += o.n;
      hits += o.hits;
      return this;
    }

    @Override public KpiSummary summary(double level) {
      return new KpiSummary(id, n, n == 0 ? Double.NaN : 100.0 * hits / n,
          Proportions.wilson(hits, n, level).scaled(100), level, n < 30);
    }

    @Override public Difference difference(KpiAggregator baseline, double level) {
      Share b = peer(baseline);
      return Proportions.compare((double) hits / n, n, (double) b.hits / b.n, b.n, level)
          .scaled(100);
    }

    @Override public long count() {
      return n;
    }

    @Override public boolean isEmpty() {
      return n == 0;
    }

    @Override public KpiAggregator copy() {
      return new Share(id, kind, rule, n, hits);
    }

    @Override public byte[] toBytes() {
      return FrameWriter.begin(kind).putVarLong(n).putVarLong(hits).finish();
    }
  }
}
