package io.github.cxkpi.nps;

import static io.github.cxkpi.scale.BlankPolicy.COUNT_IN_DENOMINATOR;
import static io.github.cxkpi.scale.BlankPolicy.EXCLUDE;
import static io.github.cxkpi.scale.OutOfRangePolicy.COUNT_AS_REJECTED;
import static io.github.cxkpi.scale.OutOfRangePolicy.REJECT;

import io.github.cxkpi.testing.RecordEquality;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The definition's written-out equals and hashCode: equal exactly when every component is. */
class NpsDefinitionEqualityTest {
  @Test
  void equalExactlyWhenEveryComponentIs() {
    RecordEquality.check(new NpsDefinition("nps", 0, 10, 7, 9, EXCLUDE, REJECT, 30), List.of(
        new NpsDefinition("recommend", 0, 10, 7, 9, EXCLUDE, REJECT, 30),
        new NpsDefinition("nps", 1, 10, 7, 9, EXCLUDE, REJECT, 30),
        new NpsDefinition("nps", 0, 11, 7, 9, EXCLUDE, REJECT, 30),
        new NpsDefinition("nps", 0, 10, 6, 9, EXCLUDE, REJECT, 30),
        new NpsDefinition("nps", 0, 10, 7, 10, EXCLUDE, REJECT, 30),
        new NpsDefinition("nps", 0, 10, 7, 9, COUNT_IN_DENOMINATOR, REJECT, 30),
        new NpsDefinition("nps", 0, 10, 7, 9, EXCLUDE, COUNT_AS_REJECTED, 30),
        new NpsDefinition("nps", 0, 10, 7, 9, EXCLUDE, REJECT, 31)));
  }
}
