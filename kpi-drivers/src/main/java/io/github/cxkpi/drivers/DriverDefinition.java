package io.github.cxkpi.drivers;

import io.github.cxkpi.codec.FrameReader;
import io.github.cxkpi.codec.FrameWriter;
import io.github.cxkpi.scale.OutOfRangePolicy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a driver analysis is: the outcome question, the factor questions (each on its bounded
 * scale), how answers are grouped into respondents, and the policies. Immutable; two
 * aggregators merge only when their definitions are equal.
 *
 * <p><b>Respondents.</b> A {@link io.github.cxkpi.event.SurveyResponse} is one answer to one
 * question. Answers belong to the same respondent when they have the same customer id and the
 * same survey instance: the value of the attribute {@link #responseIdAttribute()}
 * ({@code "response_id"} by default) when the answer has it, else the answer's exact instant.
 * (So one customer may answer several surveys; answers of one survey given at different
 * instants need the attribute to be grouped.)
 *
 * @param outcome the outcome question (likelihood to recommend, overall satisfaction)
 * @param factors the factor questions, 0 to {@link #MAX_FACTORS}, ids distinct from each other
 *     and from the outcome (an aggregator needs at least one)
 * @param responseIdAttribute the attribute that names a survey instance, not blank
 * @param outOfRangePolicy what to do with an answer off its question's scale
 * @param duplicatePolicy what to do with a second answer to a question by a respondent
 * @param missingAnswers complete cases (the default) or pairwise deletion
 * @param smallSampleThreshold results with fewer respondents are flagged, {@code >= 0}
 * @since 0.1.0
 */
public record DriverDefinition(RatedQuestion outcome, List<RatedQuestion> factors,
    String responseIdAttribute, OutOfRangePolicy outOfRangePolicy,
    DuplicatePolicy duplicatePolicy, MissingAnswers missingAnswers, int smallSampleThreshold) {
  /** The most factors a definition may have. */
  public static final int MAX_FACTORS = 50;

  /** The default attribute naming a survey instance: {@value}. */
  public static final String DEFAULT_RESPONSE_ID_ATTRIBUTE = "response_id";

  /** The default small-sample threshold: {@value} respondents. */
  public static final int DEFAULT_SMALL_SAMPLE_THRESHOLD = 100;

  /**
   * Checks the fields.
   *
   * @param outcome the outcome question (likelihood to recommend, overall satisfaction)
   * @param factors the factor questions, 0 to {@link #MAX_FACTORS}, ids distinct from each
   *     other and from the outcome (an aggregator needs at least one)
   * @param responseIdAttribute the attribute that names a survey instance, not blank
   * @param outOfRangePolicy what to do with an answer off its question's scale
   * @param duplicatePolicy what to do with a second answer to a question by a respondent
   * @param missingAnswers complete cases (the default) or pairwise deletion
   * @param smallSampleThreshold results with fewer respondents are flagged, {@code >= 0}
   * @throws IllegalArgumentException naming the value and the rule
   */
  public DriverDefinition {
    Objects.requireNonNull(outcome, "outcome is null");
    factors = List.copyOf(Objects.requireNonNull(factors, "factors is null"));
    if (factors.size() > MAX_FACTORS) {
      throw new IllegalArgumentException(
          "a driver analysis takes at most " + MAX_FACTORS + " factors, had " + factors.size());
    }
    Set<String> ids = new HashSet<>();
    ids.add(outcome.id());
    for (RatedQuestion f : factors) {
      if (!ids.add(f.id())) {
        throw new IllegalArgumentException("question '" + f.id() + "' appears twice in "
            + "the driver analysis of '" + outcome.id() + "' (outcome and factors must differ)");
      }
    }
    if (Objects.requireNonNull(responseIdAttribute, "responseIdAttribute is null").isBlank()) {
      throw new IllegalArgumentException("responseIdAttribute must not be blank");
    }
    Objects.requireNonNull(outOfRangePolicy, "outOfRangePolicy is null");
    Objects.requireNonNull(duplicatePolicy, "duplicatePolicy is null");
    Objects.requireNonNull(missingAnswers, "missingAnswers is null");
    if (smallSampleThreshold < 0) {
      throw new IllegalArgumentException(
          "smallSampleThreshold must be >= 0, was " + smallSampleThreshold);
    }
  }

  /**
   * This definition with more factors, all on one scale.
   *
   * @param min the lowest point of their scale
   * @param max the highest point
   * @param ids the factors' question ids
   * @return the new definition
   */
  public DriverDefinition withFactors(int min, int max, String... ids) {
    List<RatedQuestion> more = new ArrayList<>(factors);
    for (String id : ids) {
      more.add(new RatedQuestion(id, min, max));
    }
    return new DriverDefinition(
        outcome, more, responseIdAttribute, outOfRangePolicy, duplicatePolicy, missingAnswers,
        smallSampleThreshold);
  }

  /**
   * This definition with one more factor.
   *
   * @param factor the factor
   * @return the new definition
   */
  public DriverDefinition withFactor(RatedQuestion factor) {
    List<RatedQuestion> more = new ArrayList<>(factors);
    more.add(factor);
    return new DriverDefinition(
        outcome, more, responseIdAttribute, outOfRangePolicy, duplicatePolicy, missingAnswers,
        smallSampleThreshold);
  }

  /**
   * This definition with another attribute naming the survey instance.
   *
   * @param attribute the attribute's name (e.g. "survey_id")
   * @return the new definition
   */
  public DriverDefinition withResponseIdAttribute(String attribute) {
    return new DriverDefinition(outcome, factors, attribute, outOfRangePolicy, duplicatePolicy,
        missingAnswers, smallSampleThreshold);
  }

  /**
   * This definition with another policy for answers off their scale.
   *
   * @param policy the policy
   * @return the new definition
   */
  public DriverDefinition withOutOfRangePolicy(OutOfRangePolicy policy) {
    return new DriverDefinition(outcome, factors, responseIdAttribute, policy, duplicatePolicy,
        missingAnswers, smallSampleThreshold);
  }

  /**
   * This definition with another policy for duplicate answers.
   *
   * @param policy the policy
   * @return the new definition
   */
  public DriverDefinition withDuplicatePolicy(DuplicatePolicy policy) {
    return new DriverDefinition(outcome, factors, responseIdAttribute, outOfRangePolicy, policy,
        missingAnswers, smallSampleThreshold);
  }

  /**
   * This definition with another treatment of missing answers.
   *
   * @param missing complete cases or pairwise deletion
   * @return the new definition
   */
  public DriverDefinition withMissingAnswers(MissingAnswers missing) {
    return new DriverDefinition(outcome, factors, responseIdAttribute, outOfRangePolicy,
        duplicatePolicy, missing, smallSampleThreshold);
  }

  /**
   * This definition with another small-sample threshold.
   *
   * @param threshold the threshold, {@code >= 0}
   * @return the new definition
   */
  public DriverDefinition withSmallSampleThreshold(int threshold) {
    return new DriverDefinition(outcome, factors, responseIdAttribute, outOfRangePolicy,
        duplicatePolicy, missingAnswers, threshold);
  }

  /**
   * The number of factors, k.
   *
   * @return k
   */
  public int factorCount() {
    return factors.size();
  }

  void write(FrameWriter w) {
    outcome.write(w);
    w.putVarLong(factors.size());
    for (RatedQuestion f : factors) {
      f.write(w);
    }
    w.putString(responseIdAttribute);
    w.putVarLong(outOfRangePolicy.ordinal());
    w.putVarLong(duplicatePolicy.ordinal());
    w.putVarLong(missingAnswers.ordinal());
    w.putVarLong(smallSampleThreshold);
  }

  static DriverDefinition read(FrameReader r) {
    RatedQuestion outcome = RatedQuestion.read(r, "outcome");
    int k = (int) r.getVarLong("factor count", 1, MAX_FACTORS);
    r.requireRemaining(3L * k, "factors");
    List<RatedQuestion> factors = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      factors.add(RatedQuestion.read(r, "factor " + i));
    }
    String attribute = r.getString("response id attribute");
    OutOfRangePolicy policy = r.getEnum("out-of-range policy", OutOfRangePolicy.class);
    DuplicatePolicy duplicates = r.getEnum("duplicate policy", DuplicatePolicy.class);
    MissingAnswers missing = r.getEnum("missing answers", MissingAnswers.class);
    int threshold = (int) r.getVarLong("small-sample threshold", 0, Integer.MAX_VALUE);
    try {
      return new DriverDefinition(outcome, factors, attribute, policy, duplicates, missing,
          threshold);
    } catch (IllegalArgumentException e) {
      throw r.error("definition", String.valueOf(e.getMessage()));
    }
  }

  @Override
  public String toString() {
    return "drivers of " + outcome + " by " + factors + " (respondents by customer and '"
        + responseIdAttribute + "' or instant, out of range: " + outOfRangePolicy
        + ", duplicates: " + duplicatePolicy + ", " + missingAnswers + ", small below "
        + smallSampleThreshold + ")";
  }
}
