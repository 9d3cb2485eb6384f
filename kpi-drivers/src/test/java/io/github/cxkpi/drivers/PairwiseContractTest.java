package io.github.cxkpi.drivers;

import io.github.cxkpi.event.SurveyResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The aggregator contract with pairwise deletion. The oracle is an aggregator fed the answers in
 * one canonical order (PairwiseTest checks the figures against a brute-force computation), so
 * that one by one, split and merge, and bytes must all agree with it.
 */
class PairwiseContractTest extends DriverContractTest {
  private static DriverDefinition definition() {
    return DriverStreams.definition().withMissingAnswers(MissingAnswers.PAIRWISE);
  }

  @Override
  protected DriverAggregator empty() {
    return Drivers.aggregator(definition());
  }

  @Override
  protected DriverResult oracle(List<SurveyResponse> items) {
    List<SurveyResponse> sorted = new ArrayList<>(items);
    sorted.sort(Comparator.comparing(SurveyResponse::customerId)
        .thenComparing(r -> r.attributes().getOrDefault("response_id", ""))
        .thenComparing(SurveyResponse::instant).thenComparing(SurveyResponse::question));
    DriverAggregator a = empty();
    sorted.forEach(a::accept);
    return a.result();
  }
}
