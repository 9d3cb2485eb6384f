package io.github.cxkpi.time;

import io.github.cxkpi.event.CaseEvent;
import io.github.cxkpi.event.CaseStatus;
import io.github.cxkpi.event.Interaction;
import io.github.cxkpi.event.ServiceContact;
import io.github.cxkpi.testing.AggregatorContract;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/** The core contract for each service-time measure (the measure rotates with the test class). */
abstract class ServiceTimeContractTest
    extends AggregatorContract<ServiceTimeAggregator, Interaction, ServiceTimeResult> {
  abstract ServiceTimeMeasure measure();

  @Override
  protected ServiceTimeAggregator empty() {
    return ServiceTimes.aggregator(ServiceTimes.definition(measure()));
  }

  @Override
  protected Interaction randomItem(SplittableRandom rnd) {
    return Interactions.next(rnd);
  }

  @Override
  protected void add(ServiceTimeAggregator aggregator, Interaction item) {
    aggregator.accept(item);
  }

  @Override
  protected void addAll(ServiceTimeAggregator aggregator, List<Interaction> items) {
    items.forEach(aggregator::accept);
  }

  @Override
  protected ServiceTimeAggregator merge(ServiceTimeAggregator into,
      ServiceTimeAggregator other) {
    return into.merge(other);
  }

  @Override
  protected byte[] toBytes(ServiceTimeAggregator aggregator) {
    return aggregator.toBytes();
  }

  @Override
  protected ServiceTimeAggregator fromBytes(byte[] bytes) {
    return ServiceTimes.fromBytes(bytes, measure());
  }

  @Override
  protected ServiceTimeResult result(ServiceTimeAggregator aggregator) {
    return aggregator.result();
  }

  /** The duration by the KPI's rule, written out again here. */
  private @Nullable Duration oracleDuration(Interaction i) {
    if (i instanceof ServiceContact c) {
      return switch (measure()) {
        case HANDLE -> c.handleTime();
        case SPEED_OF_ANSWER -> c.abandoned() ? null : c.waitTime();
        default -> null;
      };
    }
    if (i instanceof CaseEvent e) {
      return switch (measure()) {
        case FIRST_RESPONSE -> e.status() == CaseStatus.FIRST_RESPONSE
            ? Duration.between(e.opened(), e.instant()) : null;
        case FIRST_RESOLUTION -> e.status() == CaseStatus.SOLVED && e.reopenCount() == 0
            ? Duration.between(e.opened(), e.instant()) : null;
        case FINAL_RESOLUTION -> e.status() == CaseStatus.CLOSED && e.solved() != null
            ? Duration.between(e.opened(), e.solved()) : null;
        case REQUESTER_WAIT -> e.status() == CaseStatus.CLOSED && e.solved() != null
            && e.pending() != null
            ? Duration.between(e.opened(), e.solved()).minus(e.pending()) : null;
        default -> null;
      };
    }
    return null;
  }

  @Override
  protected ServiceTimeResult oracle(List<Interaction> items) {
    ServiceTimeDefinition d = ServiceTimes.definition(measure());
    DurationHistogram h = DurationHistogram.create(d.relativeAccuracy(), d.targets());
    long flagged = 0;
    long met = 0;
    for (Interaction i : items) {
      Duration x = oracleDuration(i);
      if (x != null) {
        h.record(x);
        if (i instanceof CaseEvent e && e.withinSla() != null) {
          flagged++;
          met += e.withinSla() ? 1 : 0;
        }
      }
    }
    return ServiceTimeResult.of(measure(), h.summary(d.quantiles(), d.level()), flagged, met,
        d.smallSampleBelow());
  }
}
