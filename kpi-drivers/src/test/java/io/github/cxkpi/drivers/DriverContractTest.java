package io.github.cxkpi.drivers;

import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.testing.AggregatorContract;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The aggregator contract over shuffled answers of whole respondents (some partial, some with
 * a blank or off-scale answer, some weighted), so that split and merge must join respondents
 * across aggregators. The oracle groups the answers by brute force and feeds the complete
 * respondents to {@link DriverAggregator#addWeightedRespondent}; the moments themselves are
 * checked against a two-pass computation in CoMomentsTest and against numpy in
 * DriverReferenceTest.
 */
class DriverContractTest extends AggregatorContract<DriverAggregator, SurveyResponse, DriverResult> {

  @Override
  protected DriverAggregator empty() {
    return Drivers.aggregator(DriverStreams.definition());
  }

  @Override
  protected SurveyResponse randomItem(SplittableRandom rnd) {
    String[] q = {"helpfulness", "competence", "value", "nps"};
    int i = rnd.nextInt(4);
    return DriverStreams.answer("x" + rnd.nextInt(100), Long.toHexString(rnd.nextLong()),
        DriverStreams.T0, q[i], i == 3 ? rnd.nextInt(11) : 1 + rnd.nextInt(5), 1);
  }

  @Override
  protected List<SurveyResponse> randomItems(SplittableRandom rnd) {
    int n = switch (rnd.nextInt(6)) {
      case 0 -> 0;
      case 1 -> 1 + rnd.nextInt(3);
      case 2 -> rnd.nextInt(500);
      default -> rnd.nextInt(60);
    };
    return DriverStreams.stream(rnd, n);
  }

  @Override
  protected void add(DriverAggregator aggregator, SurveyResponse item) {
    aggregator.accept(item);
  }

  @Override
  protected void addAll(DriverAggregator aggregator, List<SurveyResponse> items) {
    items.forEach(aggregator::accept);
  }

  @Override
  protected DriverAggregator merge(DriverAggregator into, DriverAggregator other) {
    return into.merge(other);
  }

  @Override
  protected byte[] toBytes(DriverAggregator aggregator) {
    return aggregator.toBytes();
  }

  @Override
  protected DriverAggregator fromBytes(byte[] bytes) {
    return Drivers.fromBytes(bytes);
  }

  @Override
  protected DriverResult result(DriverAggregator aggregator) {
    return aggregator.result();
  }

  @Override
  protected DriverResult oracle(List<SurveyResponse> items) {
    DriverDefinition d = DriverStreams.definition();
    List<String> order = List.of("helpfulness", "competence", "value", "nps");
    Map<List<Object>, SurveyResponse[]> byRespondent = new LinkedHashMap<>();
    long rejected = 0;
    for (SurveyResponse r : items) {
      int i = order.indexOf(r.question());
      if (i < 0) {
        continue;
      }
      Integer s = r.score();
      int max = i == 3 ? 10 : 5;
      int min = i == 3 ? 0 : 1;
      if (s != null && (s < min || s > max)) {
        rejected++;
        continue;
      }
      String id = r.attributes().get("response_id");
      List<Object> key = id != null ? List.of(r.customerId(), "id", id)
          : List.of(r.customerId(), "at", r.instant());
      byRespondent.computeIfAbsent(key, x -> new SurveyResponse[4])[i] = r;
    }
    DriverAggregator plain = Drivers.aggregator(d);
    long incomplete = 0;
    long pending = 0;
    for (SurveyResponse[] a : byRespondent.values()) {
      boolean full = true;
      boolean blank = false;
      for (SurveyResponse r : a) {
        full &= r != null;
        blank |= r != null && r.isBlank();
      }
      if (!full) {
        pending++;
      } else if (blank) {
        incomplete++;
      } else {
        plain.addWeightedRespondent(a[3].weight(), a[3].score(), a[0].score(), a[1].score(),
            a[2].score());
      }
    }
    DriverResult r = plain.result();
    return new DriverResult(r.outcome(), r.status(), r.reason(), r.respondents(),
        r.effectiveSize(), r.outcomeMean(), r.rSquared(), r.factors(), incomplete, pending,
        rejected, r.smallSample(), r.level());
  }

  @Override
  protected void assertSameResult(DriverResult expected, DriverResult actual, String context) {
    DriverAsserts.assertSameResult(expected, actual, context);
  }
}
