package io.github.cxkpi.ces;

import static io.github.cxkpi.scale.Direction.HIGHER_IS_BETTER;
import static io.github.cxkpi.scale.Direction.LOWER_IS_BETTER;
import static io.github.cxkpi.scale.OutOfRangePolicy.COUNT_AS_REJECTED;
import static io.github.cxkpi.scale.OutOfRangePolicy.REJECT;

import io.github.cxkpi.testing.RecordEquality;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The definition's written-out equals and hashCode: equal exactly when every component is. */
class CesDefinitionEqualityTest {
  @Test
  void equalExactlyWhenEveryComponentIs() {
    // The direction follows from where the easy answers lie, so it cannot change alone.
    RecordEquality.check(
        new CesDefinition("ces", 1, 7, HIGHER_IS_BETTER, 5, 7, 1, 3, REJECT, 30), List.of(
            new CesDefinition("effort", 1, 7, HIGHER_IS_BETTER, 5, 7, 1, 3, REJECT, 30),
            new CesDefinition("ces", 0, 7, HIGHER_IS_BETTER, 5, 7, 1, 3, REJECT, 30),
            new CesDefinition("ces", 1, 8, HIGHER_IS_BETTER, 5, 7, 1, 3, REJECT, 30),
            new CesDefinition("ces", 1, 7, HIGHER_IS_BETTER, 6, 7, 1, 3, REJECT, 30),
            new CesDefinition("ces", 1, 7, HIGHER_IS_BETTER, 5, 6, 1, 3, REJECT, 30),
            new CesDefinition("ces", 1, 7, HIGHER_IS_BETTER, 5, 7, 2, 3, REJECT, 30),
            new CesDefinition("ces", 1, 7, HIGHER_IS_BETTER, 5, 7, 1, 4, REJECT, 30),
            new CesDefinition("ces", 1, 7, HIGHER_IS_BETTER, 5, 7, 1, 3, COUNT_AS_REJECTED, 30),
            new CesDefinition("ces", 1, 7, HIGHER_IS_BETTER, 5, 7, 1, 3, REJECT, 29),
            new CesDefinition("ces", 1, 7, LOWER_IS_BETTER, 1, 3, 5, 7, REJECT, 30)),
        "direction");
  }
}
