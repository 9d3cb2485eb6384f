package io.github.cxkpi.example.internal;

import io.github.cxkpi.codec.FrameReader;
import io.github.cxkpi.codec.FrameWriter;
import io.github.cxkpi.event.Interaction;
import io.github.cxkpi.event.ServiceContact;
import io.github.cxkpi.spi.AnswerSink;
import io.github.cxkpi.spi.KpiAggregator;
import io.github.cxkpi.spi.KpiProvider;
import io.github.cxkpi.spi.KpiSummary;
import io.github.cxkpi.stats.Difference;
import io.github.cxkpi.stats.Proportions;
import java.util.Objects;

/**
 * "agent-resolved": the share of service contacts the agent marked resolved, in percent, with
 * its Wilson interval. Made only of this module's files.
 */
public final class AgentResolvedKpiProvider implements KpiProvider {
  /** The KPI's id. */
  public static final String ID = "agent-resolved";
  private static final int FRAME_KIND = 16;

  /** For {@link java.util.ServiceLoader}. */
  public AgentResolvedKpiProvider() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public int frameKind() {
    return FRAME_KIND;
  }

  @Override
  public String displayName() {
    return "Agent-resolved contacts";
  }

  @Override
  public KpiAggregator newAggregator() {
    return new Share(0, 0);
  }

  @Override
  public KpiAggregator fromBytes(byte[] bytes) {
    FrameReader r = FrameReader.open(bytes, FRAME_KIND, "agent-resolved aggregator");
    long contacts = r.getVarLong("contacts", 0, Long.MAX_VALUE);
    long resolved = r.getVarLong("resolved", 0, contacts);
    r.finish();
    return new Share(contacts, resolved);
  }

  /** Contacts and resolved ones; not thread-safe. */
  static final class Share implements KpiAggregator {
    private long contacts;
    private long resolved;

    Share(long contacts, long resolved) {
      this.contacts = contacts;
      this.resolved = resolved;
    }

    @Override
    public String kpiId() {
      return ID;
    }

    /** It takes service contacts, never survey answers: a batch of answers passes it by. */
    @Override
    public AnswerSink answerSink(String question) {
      return AnswerSink.NONE;
    }

    @Override
    public boolean accept(Interaction interaction) {
      if (!(Objects.requireNonNull(interaction, "interaction is null") instanceof ServiceContact c)) {
        return false;
      }
      contacts = Math.incrementExact(contacts);
      resolved += c.resolvedByAgent() ? 1 : 0;
      return true;
    }

    private static Share peer(KpiAggregator other) {
      if (other instanceof Share s) {
        return s;
      }
      throw new IllegalArgumentException("cannot combine " + ID + " with " + other.kpiId());
    }

    @Override
    public KpiAggregator merge(KpiAggregator other) {
      Share o = peer(Objects.requireNonNull(other, "other is null"));
      long sum = Math.addExact(contacts, o.contacts);
      resolved += o.resolved;
      contacts = sum;
      return this;
    }

    @Override
    public KpiSummary summary(double level) {
      double share = contacts == 0 ? Double.NaN : (double) resolved / contacts;
      return new KpiSummary(ID, contacts, 100 * share,
          Proportions.wilson(resolved, contacts, level).scaled(100), level, contacts < 30);
    }

    @Override
    public Difference difference(KpiAggregator baseline, double level) {
      Share b = peer(baseline);
      return Proportions.compare((double) resolved / contacts, contacts,
          (double) b.resolved / b.contacts, b.contacts, level).scaled(100);
    }

    @Override
    public long count() {
      return contacts;
    }

    @Override
    public boolean isEmpty() {
      return contacts == 0;
    }

    @Override
    public KpiAggregator copy() {
      return new Share(contacts, resolved);
    }

    @Override
    public byte[] toBytes() {
      return FrameWriter.begin(FRAME_KIND).putVarLong(contacts).putVarLong(resolved).finish();
    }
  }
}
