package io.github.cxkpi.scorecard;

import io.github.cxkpi.event.Channel;
import io.github.cxkpi.event.Interaction;
import io.github.cxkpi.event.JourneyStage;
import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Survey answers in columns, for {@link Scorecard#accept(SurveyBatch)}: per row a profile id, an
 * instant in epoch milliseconds, a question id and a score (or a blank), with an optional
 * weight. Profiles (channel, journey stage, touchpoint, attributes) and questions are
 * dictionary-encoded: the batch gives each distinct one an int once, and rows carry the ints,
 * so a row is a few primitive stores and the scorecard segments each profile once.
 *
 * <p>A batch is reusable: {@link #clear()} drops the rows and keeps the dictionaries, so ids
 * stay valid across batches. Its rows are the same answers as the responses
 * {@code SurveyResponse.builder(customer, instant).channel(..).stage(..).touchpoint(..)
 * .attribute(..).question(..).score(..).weight(..)} would make: a scorecard's report is the same
 * for either form. The customer is not carried: a KPI that needs it (key drivers groups answers
 * by respondent) takes no batches.
 *
 * <p>Each row is checked when it is added (ids known, instant in range, weight finite and
 * positive); scores are checked against each KPI's scale by the scorecard.
 *
 * <p><b>Not thread-safe</b>: one batch per thread.
 *
 * <pre>{@code
 * SurveyBatch batch = SurveyBatch.create();
 * int web = batch.profile(Channel.WEB);
 * int nps = batch.question("nps");
 * batch.add(web, Instant.parse("2026-03-02T10:15:00Z").toEpochMilli(), nps, 9);
 * scorecard.accept(batch);
 * batch.clear();
 * }</pre>
 *
 * @since 0.2.0
 */
public final class SurveyBatch {
  private static final long MIN_MILLIS = Interaction.MIN_INSTANT.toEpochMilli();
  private static final long MAX_MILLIS = Interaction.MAX_INSTANT.toEpochMilli();
  /** Rows larger than this would need arrays longer than a JVM allocates. */
  private static final int MAX_ROWS = Integer.MAX_VALUE - 8;

  private final Map<List<Object>, Integer> profileIds = new HashMap<>();
  // One response per profile, for the segmenter: only its profile fields are read.
  private final List<SurveyResponse> profiles = new ArrayList<>();
  private final Map<String, Integer> questionIds = new HashMap<>();
  private final List<String> questions = new ArrayList<>();

  private int size;
  private int[] profile;
  private long[] millis;
  private int[] question;
  private int[] score;
  // Allocated at the first weighted or blank row: most batches have neither.
  private double @Nullable [] weight;
  private boolean @Nullable [] blank;

  private SurveyBatch(int capacity) {
    profile = new int[capacity];
    millis = new long[capacity];
    question = new int[capacity];
    score = new int[capacity];
  }

  /**
   * An empty batch that grows as rows are added.
   *
   * @return the batch
   */
  public static SurveyBatch create() {
    return new SurveyBatch(1024);
  }

  /**
   * An empty batch with room for some rows before it grows.
   *
   * @param capacity the rows it holds before growing, at least 0
   * @return the batch
   * @throws IllegalArgumentException when the capacity is negative or too large
   */
  public static SurveyBatch withCapacity(int capacity) {
    if (capacity < 0 || capacity > MAX_ROWS) {
      throw new IllegalArgumentException("capacity must be between 0 and " + MAX_ROWS + ", was "
          + capacity);
    }
    return new SurveyBatch(capacity);
  }

  /**
   * The id of a channel's profile, at stage {@link JourneyStage#POST_PURCHASE}, with no
   * touchpoint and no attributes (a response builder's defaults).
   *
   * @param channel the channel
   * @return its id, the same for the same profile
   */
  public int profile(Channel channel) {
    return profile(channel, JourneyStage.POST_PURCHASE, null, Map.of());
  }

  /**
   * The id of a profile: what a segmenter may read of a response.
   *
   * @param channel the channel
   * @param stage the journey stage
   * @param touchpoint the touchpoint, or {@code null}
   * @param attributes free attributes (checked as a response's are)
   * @return its id, the same for the same profile
   * @throws IllegalArgumentException when the touchpoint is blank or an attribute is invalid
   */
  public int profile(Channel channel, JourneyStage stage, @Nullable String touchpoint,
      Map<String, String> attributes) {
    Objects.requireNonNull(channel, "channel is null");
    Objects.requireNonNull(stage, "stage is null");
    Checks.nullOrNotBlank(touchpoint, "touchpoint");
    Map<String, String> attrs = Checks.attributes(attributes);
    List<Object> key = Arrays.asList(channel, stage, touchpoint, attrs);
    Integer id = profileIds.get(key);
    if (id != null) {
      return id;
    }
    SurveyResponse.Builder b = SurveyResponse.builder("(batch)", Interaction.MIN_INSTANT)
        .channel(channel).stage(stage).touchpoint(touchpoint);
    attrs.forEach(b::attribute);
    int next = profiles.size();
    profiles.add(b.build());
    profileIds.put(key, next);
    return next;
  }

  /**
   * The id of a question.
   *
   * @param question the question's id (e.g. "nps"), not blank
   * @return its int id, the same for the same question
   * @throws IllegalArgumentException when the question is blank
   */
  public int question(String question) {
    Integer id = questionIds.get(question);
    if (id != null) {
      return id;
    }
    Checks.notBlank(question, "question");
    int next = questions.size();
    questions.add(question);
    questionIds.put(question, next);
    return next;
  }

  /**
   * Adds an answer of weight 1.
   *
   * @param profile a profile id of this batch
   * @param epochMillis when it was answered, in [{@link Interaction#MIN_INSTANT},
   *     {@link Interaction#MAX_INSTANT})
   * @param question a question id of this batch
   * @param score the answer (checked against each KPI's scale by the scorecard)
   * @return this batch
   * @throws IllegalArgumentException when an id is unknown or the instant is out of range
   */
  public SurveyBatch add(int profile, long epochMillis, int question, int score) {
    int i = row(profile, epochMillis, question);
    this.score[i] = score;
    if (weight != null) {
      weight[i] = 1.0;
    }
    return this;
  }

  /**
   * Adds a weighted answer.
   *
   * @param profile a profile id of this batch
   * @param epochMillis when it was answered
   * @param question a question id of this batch
   * @param score the answer
   * @param weight its survey weight, finite and positive
   * @return this batch
   * @throws IllegalArgumentException when an id is unknown, the instant is out of range or the
   *     weight is not finite and positive
   */
  public SurveyBatch add(int profile, long epochMillis, int question, int score, double weight) {
    Checks.positiveWeight(weight, "weight");
    int i = row(profile, epochMillis, question);
    this.score[i] = score;
    // Weight 1 in a batch without weights stays implicit, as in addBlank: no array for it.
    if (weight != 1.0 || this.weight != null) {
      weights()[i] = weight;
    }
    return this;
  }

  /**
   * Adds a blank answer (the question was skipped), weight 1.
   *
   * @param profile a profile id of this batch
   * @param epochMillis when it was answered
   * @param question a question id of this batch
   * @return this batch
   * @throws IllegalArgumentException when an id is unknown or the instant is out of range
   */
  public SurveyBatch addBlank(int profile, long epochMillis, int question) {
    return addBlank(profile, epochMillis, question, 1.0);
  }

  /**
   * Adds a weighted blank answer.
   *
   * @param profile a profile id of this batch
   * @param epochMillis when it was answered
   * @param question a question id of this batch
   * @param weight its survey weight, finite and positive
   * @return this batch
   * @throws IllegalArgumentException when an id is unknown, the instant is out of range or the
   *     weight is not finite and positive
   */
  public SurveyBatch addBlank(int profile, long epochMillis, int question, double weight) {
    Checks.positiveWeight(weight, "weight");
    int i = row(profile, epochMillis, question);
    score[i] = 0;
    if (weight != 1.0 || this.weight != null) {
      weights()[i] = weight;
    }
    blanks()[i] = true;
    return this;
  }

  /** Checks a row's ids and instant and makes room for it; the row is then counted. */
  private int row(int profile, long epochMillis, int question) {
    if (profile < 0 || profile >= profiles.size()) {
      throw new IllegalArgumentException("profile id " + profile + " is not one of this batch's "
          + profiles.size() + " profiles");
    }
    if (question < 0 || question >= questions.size()) {
      throw new IllegalArgumentException("question id " + question + " is not one of this "
          + "batch's " + questions.size() + " questions");
    }
    if (epochMillis < MIN_MILLIS || epochMillis >= MAX_MILLIS) {
      throw new IllegalArgumentException("instant " + epochMillis + " ms is outside the accepted "
          + "range [" + Interaction.MIN_INSTANT + ", " + Interaction.MAX_INSTANT + ")");
    }
    if (size == this.profile.length) {
      grow();
    }
    int i = size++;
    this.profile[i] = profile;
    millis[i] = epochMillis;
    this.question[i] = question;
    if (blank != null) {
      blank[i] = false;
    }
    return i;
  }

  private void grow() {
    if (size == MAX_ROWS) {
      throw new IllegalStateException("a batch holds at most " + MAX_ROWS + " rows");
    }
    int n = (int) Math.min(MAX_ROWS, Math.max(16L, size * 2L));
    profile = Arrays.copyOf(profile, n);
    millis = Arrays.copyOf(millis, n);
    question = Arrays.copyOf(question, n);
    score = Arrays.copyOf(score, n);
    if (weight != null) {
      weight = Arrays.copyOf(weight, n);
    }
    if (blank != null) {
      blank = Arrays.copyOf(blank, n);
    }
  }

  private double[] weights() {
    double[] w = weight;
    if (w == null) {
      w = new double[profile.length];
      Arrays.fill(w, 0, size, 1.0);
      weight = w;
    }
    return w;
  }

  private boolean[] blanks() {
    boolean[] b = blank;
    if (b == null) {
      b = new boolean[profile.length];
      blank = b;
    }
    return b;
  }

  /**
   * The rows added since the last {@link #clear()}.
   *
   * @return the row count
   */
  public int size() {
    return size;
  }

  /**
   * Whether it holds no rows.
   *
   * @return {@code true} when empty
   */
  public boolean isEmpty() {
    return size == 0;
  }

  /**
   * Drops the rows; the profile and question ids stay valid.
   *
   * @return this batch
   */
  public SurveyBatch clear() {
    size = 0;
    weight = null;
    blank = null;
    return this;
  }

  /**
   * Row i as the response it stands for, with the given customer id (the batch does not keep
   * one): what a scorecard would record for the row, for tests and for callers that mix both
   * forms.
   *
   * @param i a row index
   * @param customerId the customer id to give it
   * @return the response
   * @throws IndexOutOfBoundsException when there is no row i
   */
  public SurveyResponse response(int i, String customerId) {
    Objects.checkIndex(i, size);
    SurveyResponse p = profiles.get(profile[i]);
    SurveyResponse.Builder b = SurveyResponse.builder(customerId,
        java.time.Instant.ofEpochMilli(millis[i])).channel(p.channel()).stage(p.stage())
        .touchpoint(p.touchpoint()).question(questions.get(question[i])).weight(weightAt(i));
    p.attributes().forEach(b::attribute);
    return isBlank(i) ? b.blank().build() : b.score(score[i]).build();
  }

  // For the scorecard, in this package.

  int profileCount() {
    return profiles.size();
  }

  SurveyResponse profileResponse(int id) {
    return profiles.get(id);
  }

  int questionCount() {
    return questions.size();
  }

  String questionText(int id) {
    return questions.get(id);
  }

  int profileAt(int i) {
    return profile[i];
  }

  int[] profiles() {
    return profile;
  }

  long[] millis() {
    return millis;
  }

  int[] questions() {
    return question;
  }

  int[] scores() {
    return score;
  }

  double @Nullable [] weightsOrNull() {
    return weight;
  }

  boolean @Nullable [] blanksOrNull() {
    return blank;
  }

  double weightAt(int i) {
    return weight == null ? 1.0 : weight[i];
  }

  boolean isBlank(int i) {
    return blank != null && blank[i];
  }
}
