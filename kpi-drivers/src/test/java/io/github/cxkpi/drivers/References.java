package io.github.cxkpi.drivers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reference values computed independently with numpy by
 * {@code kpi-drivers/src/test/python/relative_weights.py} (numpy 2.4.6: {@code corrcoef},
 * {@code linalg.eigh} of the correlation matrix for Johnson's relative weights,
 * {@code linalg.solve} for the betas, R^2 cross-checked by least squares on the raw data),
 * committed on branch kpi-drivers together with this class.
 *
 * <p>Data sets (written by the same script under this package's test resources):
 * <ul>
 *   <li>{@code botanic-drivers.csv}: the columns id, nps, satisfaction, intention of the
 *       garden-centre survey github.com/BenaventC/NPSgame {@code nps.csv} at commit
 *       4b0dbccc059310210f417dee4478354c48b18d1a (CC0 1.0; 13,954 respondents, NA kept);
 *       outcome nps (1-10), factors satisfaction and intention (1-10), complete cases;
 *   <li>{@code synthetic-k8.csv}: 600 seeded synthetic respondents (numpy
 *       {@code default_rng(20261202)}), outcome nps 0-10 and the eight common CX factors 1-10.
 * </ul>
 */
public final class References {
  private References() {}

  /** The eight common factors, in the synthetic file's column order. */
  public static final List<String> FACTORS = List.of("accessibility", "competence",
      "customer_recognition", "helpfulness", "personalization", "problem_solving",
      "promise_fulfilment", "value_for_time");

  public static final double[] BOTANIC_CORRELATIONS = {0.6903185219193843, 0.8116061976173194};
  public static final double[] BOTANIC_RAW_WEIGHTS = {0.26099583070563925, 0.4431607890115193};
  public static final double[] BOTANIC_BETAS = {0.2809266359791875, 0.62866419834906};
  public static final double BOTANIC_R_SQUARED = 0.7041566197171585;
  public static final double[] BOTANIC_MEANS = {8.360550255158643, 9.00458545965535, 8.70379409806967};
  public static final double[] BOTANIC_FACTOR_CORRELATIONS = {0.6512091622448106};
  public static final double[] SYNTHETIC_CORRELATIONS = {0.23547288279386328, 0.47753359830458275, 0.27314807454506795, 0.4183719272177129, 0.2618978970872709, 0.5224168284687317, 0.38306344791980673, 0.42879534303413697};
  public static final double[] SYNTHETIC_RAW_WEIGHTS = {0.018648326840160306, 0.14670750861887913, 0.02168364498045498, 0.06714519817930989, 0.011683777128854078, 0.12409335138082409, 0.0316090220977725, 0.043461250051025184};
  public static final double[] SYNTHETIC_BETAS = {0.07925239977815868, 0.34927128808082236, 0.07081594622300674, 0.18021799483809212, -0.03401140050037227, 0.31966749338859085, 0.02026927133682993, 0.044271803844316775};
  public static final double SYNTHETIC_R_SQUARED = 0.4650320792772807;
  public static final double[] SYNTHETIC_MEANS = {5.95, 5.835, 5.898333333333333, 5.82, 5.8133333333333335, 5.778333333333333, 5.791666666666667, 5.9383333333333335, 6.476666666666667};
  public static final double[] SYNTHETIC_FACTOR_CORRELATIONS = {0.09337552186097678, 0.15181080518270848, 0.20520673063341002, 0.22252467379624805, 0.20947699074527798, 0.23733560082180882, 0.2635829901993164, 0.11648418961240302, 0.1823554369164374, 0.19188942870085773, 0.216687540311542, 0.2688181986888036, 0.2610944682074077, 0.23694192809420772, 0.25775370594201086, 0.2901174034353782, 0.33037993849969305, 0.3669124573277927, 0.2767677456364417, 0.38635131018697033, 0.41227519572265087, 0.4285528404214908, 0.36473417869062214, 0.4072677680869721, 0.41272167327413173, 0.44053589286092565, 0.5368750378860128, 0.574303404013784};

  private static List<String[]> read(String resource) {
    InputStream in = Objects.requireNonNull(
        References.class.getResourceAsStream(resource), resource);
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      r.readLine();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        rows.add(line.split(",", -1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /**
   * The botanic survey's rows: id, nps, satisfaction, intention ("NA" when missing).
   *
   * @return the rows
   */
  public static List<String[]> botanicRows() {
    return read("botanic-drivers.csv");
  }

  /**
   * The botanic complete cases as {satisfaction, intention, nps}: factors first, outcome last.
   *
   * @return the rows
   */
  public static List<double[]> botanicCompleteRows() {
    List<double[]> out = new ArrayList<>();
    for (String[] r : botanicRows()) {
      if (!r[1].equals("NA") && !r[2].equals("NA") && !r[3].equals("NA")) {
        out.add(new double[] {
            Double.parseDouble(r[2]), Double.parseDouble(r[3]), Double.parseDouble(r[1])});
      }
    }
    return out;
  }

  /**
   * The synthetic rows as {eight factors..., nps}: factors first, outcome last.
   *
   * @return the rows
   */
  public static List<double[]> syntheticRows() {
    List<double[]> out = new ArrayList<>();
    for (String[] r : read("synthetic-k8.csv")) {
      double[] row = new double[9];
      for (int i = 0; i < 8; i++) {
        row[i] = Double.parseDouble(r[i + 1]);
      }
      row[8] = Double.parseDouble(r[0]);
      out.add(row);
    }
    return out;
  }
}
