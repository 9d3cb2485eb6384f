package io.github.cxkpi.csat;

import static io.github.cxkpi.scale.OutOfRangePolicy.COUNT_AS_REJECTED;
import static io.github.cxkpi.scale.OutOfRangePolicy.REJECT;

import io.github.cxkpi.testing.RecordEquality;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The definition's written-out equals and hashCode: equal exactly when every component is. */
class CsatDefinitionEqualityTest {
  @Test
  void equalExactlyWhenEveryComponentIs() {
    RecordEquality.check(new CsatDefinition("csat", 1, 5, 4, REJECT, 30), List.of(
        new CsatDefinition("satisfied", 1, 5, 4, REJECT, 30),
        new CsatDefinition("csat", 0, 5, 4, REJECT, 30),
        new CsatDefinition("csat", 1, 6, 4, REJECT, 30),
        new CsatDefinition("csat", 1, 5, 5, REJECT, 30),
        new CsatDefinition("csat", 1, 5, 4, COUNT_AS_REJECTED, 30),
        new CsatDefinition("csat", 1, 5, 4, REJECT, 0)));
  }
}
