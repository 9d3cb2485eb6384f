package io.github.cxkpi.drivers;

import static io.github.cxkpi.drivers.DriverStreams.T0;
import static io.github.cxkpi.drivers.DriverStreams.answer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Golden bytes (STYLE.md, lesson 8): a frame written by format version 1 stays readable, with
 * the same result, in every later version; and this version still writes it byte for byte.
 */
class GoldenBytesTest {
  static final byte[] V1 = HexFormat.of().parseHex(
        "ce58010d036e70730014020b68656c7066756c6e657373020a0576616c7565020a0b726573706f6e"
      + "73655f69640000006406401c00000000000040220000000000004006db6db6db6db74005b6db6db6"
      + "db6e4015b6db6db6db6e402db6db6db6db6d40216db6db6db6db403d6db6db6db6db4026db6db6db"
      + "6db64033db6db6db6db6404ddb6db6db6db6000002026331010272310400103ff800000000000002"
      + "63320000a080a09a0d000301063ff0000000000000ae5d4eb3");

  /** Outcome nps 0-10, helpfulness and value 1-5; six complete respondents, two partial. */
  static DriverAggregator example() {
    DriverAggregator a = Drivers.aggregator(Drivers.outcome("nps", 0, 10)
        .withFactors(1, 5, "helpfulness", "value"));
    a.addRespondent(8, 4, 5).addRespondent(3, 2, 1).addRespondent(6, 3, 3)
        .addRespondent(10, 5, 4).addWeightedRespondent(2, 2, 1, 2).addRespondent(7, 4, 2);
    a.accept(answer("c1", "r1", T0, "nps", 8, 1.5));
    a.accept(answer("c2", null, T0, "value", 3, 1));
    a.accept(answer("c2", null, T0, "helpfulness", null, 1));
    return a;
  }

  @Test
  void formatVersion1StaysReadable() {
    DriverAggregator a = example();
    DriverAggregator back = Drivers.fromBytes(V1);
    assertArrayEquals(V1, back.toBytes());
    assertArrayEquals(V1, a.toBytes());
    assertEquals(6, back.count());
    assertEquals(2, back.pendingCount());
    back.accept(answer("c1", "r1", T0.plusSeconds(60), "helpfulness", 5, 1));
    back.accept(answer("c1", "r1", T0.plusSeconds(90), "value", 5, 1));
    back.accept(answer("c2", null, T0, "nps", 1, 1));
    DriverResult r = back.result();
    assertEquals(7, r.respondents());
    assertEquals(1, r.incomplete());
    assertEquals(0, r.pending());
  }
}
