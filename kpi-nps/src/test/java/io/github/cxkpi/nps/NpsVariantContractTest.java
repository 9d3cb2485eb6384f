package io.github.cxkpi.nps;

import io.github.cxkpi.scale.BlankPolicy;
import io.github.cxkpi.scale.OutOfRangePolicy;

/**
 * The contract again under the variant options: a 1-10 scale, blanks in the denominator,
 * off-scale answers counted as rejected.
 */
class NpsVariantContractTest extends NpsContractTest {
  @Override
  NpsDefinition definition() {
    return Nps.definition().withScale(1, 10).withBlankPolicy(BlankPolicy.COUNT_IN_DENOMINATOR)
        .withOutOfRangePolicy(OutOfRangePolicy.COUNT_AS_REJECTED).withQuestion("recommend");
  }
}
