package io.github.cxkpi.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.internal.SpecialFunctions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The exact intervals at counts far beyond any survey, where the incomplete beta used to recurse
 * without end (StackOverflowError) or cancel large log-gammas into a wrong number (I = 137 at
 * a = b = 1e15). References: SciPy 1.17 {@code scipy.stats.beta.ppf} (Boost's ibeta_inv) and
 * closed forms; mpmath 1.3 (30 digits) for I_x(3, 1e9), where SciPy itself is off by 1e-8.
 */
class LargeCountsTest {

  @ParameterizedTest(name = "CP and Jeffreys, k={0} n={1}")
  @CsvSource({
    "7, 10, 1e-9, 0.3475471499400027, 0.9332604888222655, 0.3941816818513287, 0.9073054060618468",
    "500, 1000, 1e-9, 0.46854917297179194, 0.531450827028208, 0.46904771269911394, 0.5309522873008861",
    "123456, 1000000, 1e-9, 0.12281184162962973, 0.12410234027680268, 0.12281234050644808, "
        + "0.12410183915651879",
    "5, 1000000000, 1e-7, 1.6234863920475398e-09, 1.1668332001417833e-08, 1.9078741285907745e-09, "
        + "1.0960024595109587e-08",
    "100000000, 300000000, 1e-7, 0.33327998981181123, 0.3333866800708842, 0.3332799914784112, "
        + "0.3333866784041508",
    "400000000000, 1000000000000, 1e-7, 0.3999990398174561, 0.4000009601831247, 0.39999903981795615, "
        + "0.4000009601826247",
    "0, 1000000000000, 1e-7, 0, 3.688879454107131e-12, 0, 2.5119430936536608e-12",
    "1000000000000, 1000000000000, 1e-7, 0.9999999999963112, 1, 0.999999999997488, 1",
    "3, 1000000000000000, 1e-7, 6.186721228956019e-16, 8.767273069742306e-15, 8.449345903386776e-16, "
        + "8.006382137314639e-15"
  })
  void exactIntervalsAtHugeCounts(long k, long n, double tolerance, double cpLo, double cpHi,
      double jLo, double jHi) {
    Interval cp = Proportions.clopperPearson(k, n, 0.95);
    Interval j = Proportions.jeffreys(k, n, 0.95);
    // Relative to the interval's width, the scale on which a reader compares bounds: 1e-9 at
    // survey sizes, 1e-7 up to n = 1e15, a handful of successes in 1e15 trials included.
    double width = cpHi - cpLo;
    assertEquals(cpLo, cp.lower(), tolerance * width, "CP lower");
    assertEquals(cpHi, cp.upper(), tolerance * width, "CP upper");
    assertEquals(jLo, j.lower(), tolerance * width, "Jeffreys lower");
    assertEquals(jHi, j.upper(), tolerance * width, "Jeffreys upper");
  }

  @Test
  void incompleteBetaAtHugeParameters() {
    assertEquals(0.5, SpecialFunctions.regularizedBeta(0.5, 1e15, 1e15), 1e-12);
    assertEquals(0.5768099205534700426, SpecialFunctions.regularizedBeta(3e-9, 3, 1e9), 1e-13);
    assertEquals(0.0803013973473037772, SpecialFunctions.regularizedBeta(1e-9, 3, 1e9), 1e-13);
    // Near the mean, where a swap back and forth used to recurse until the stack overflowed.
    for (double a : new double[] {1e6, 1e9, 1e12, 1e17}) {
      for (double x : new double[] {0.5 - 1e-9, 0.5, Math.nextUp(0.5), 0.5 + 1e-9}) {
        double v = SpecialFunctions.regularizedBeta(x, a, a);
        assertTrue(v >= 0 && v <= 1, "I_" + x + "(" + a + ", " + a + ") = " + v);
      }
    }
  }

  @ParameterizedTest(name = "t at df={0}")
  @CsvSource({ // mpmath 1.3, 40 digits, from the incomplete beta
    "100000, 1.959987707534609638591882986336377379682, 0.933191220238584700672862185757601704007",
    "1000000, 1.959966356814107035258960556754539595519, 0.9331926408816036153815824814109282178018",
    "10000000, 1.959964221767205490369585201015807180195, 0.9331927829461852762066121394301715093553"
  })
  void studentTAtLargeDegreesOfFreedom(double df, double q975, double cdf15) {
    assertEquals(q975, StudentT.quantile(0.975, df), 1e-12, "quantile");
    assertEquals(cdf15, StudentT.cdf(1.5, df), 1e-14, "cdf");
    assertEquals(1 - cdf15, StudentT.cdf(-1.5, df), 1e-14, "cdf");
  }

  @Test
  void studentTAtHugeDegreesOfFreedom() {
    // The t distribution tends to the normal: at df = 1e12 they agree to many digits.
    for (double df : new double[] {1e6, 1e9, 1e12, 1e15}) {
      double z = Normal.quantile(0.975);
      // The first term of the expansion in 1/df; the next is below 1e-11 (1e6/df)².
      assertEquals(z + (z * z * z + z) / (4 * df), StudentT.quantile(0.975, df),
          1e-11 * (1e6 / df) * (1e6 / df) + 1e-15, "df " + df);
      assertEquals(Normal.cdf(1.5), StudentT.cdf(1.5, df), 1e-6 * 1e6 / df, "df " + df);
    }
  }
}
