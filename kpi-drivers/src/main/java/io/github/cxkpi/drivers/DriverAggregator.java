package io.github.cxkpi.drivers;

import io.github.cxkpi.codec.FrameReader;
import io.github.cxkpi.codec.FrameWriter;
import io.github.cxkpi.drivers.internal.math.CoMoments;
import io.github.cxkpi.drivers.internal.math.PairwiseMoments;
import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.scale.OutOfRangePolicy;
import io.github.cxkpi.spi.Aggregator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The mergeable state of a driver analysis: per complete respondent (one who answered the
 * outcome and every factor on their scales: complete cases, the only mode), the weighted
 * count, the means and the co-moment matrix of the k factors and the outcome, updated in
 * O(k^2) per respondent and merged exactly with Chan, Golub and LeVeque's pairwise formulas;
 * beside them the respondents not complete yet.
 *
 * <p><b>Respondents</b> (see {@link DriverDefinition}): answers are grouped by customer id and
 * survey instance (the response id attribute, else the instant). A respondent is held until
 * all k + 1 questions are answered: then it enters the moments when every answer has a score,
 * or is counted {@linkplain DriverResult#incomplete() incomplete} when one was blank. At
 * {@link #endOfInput()} the respondents still partial are counted incomplete too: never
 * silently dropped. {@link #merge} joins the partial respondents of both sides (a respondent
 * whose answers went to two aggregators completes in the merge), and {@link #toBytes()} keeps
 * them. A respondent's weight is the weight of its outcome answer (with pairwise deletion, for
 * a respondent without one, that of its answer to the first factor it answered, in the
 * definition's order).
 *
 * <p><b>Duplicates:</b> a second answer to the same question by a respondent still held is,
 * by the definition's {@link DuplicatePolicy}, an {@link IllegalArgumentException} (nothing
 * recorded), in {@link #accept} as in {@link #merge} (nothing changed), or counted as
 * rejected (the first answer stays; in a merge, this aggregator's). Once complete a respondent
 * is not remembered: a later answer with the same key starts a new respondent.
 *
 * <p><b>Not thread-safe</b>: give each thread its own aggregator and merge them.
 *
 * @since 0.1.0
 */
public final class DriverAggregator
    implements Aggregator<SurveyResponse, DriverAggregator, DriverResult> {
  private static final String WHAT = "driver analysis aggregator";

  private final DriverDefinition definition;
  private final int k;
  private final Map<String, Integer> index;
  private final CoMoments moments; // complete cases
  private final @Nullable PairwiseMoments pairwise; // pairwise deletion
  private long contributors; // pairwise deletion: respondents who gave a usable answer
  private final Map<RespondentKey, Partial> pending;
  private final double[] row;
  private long incomplete;
  private long rejected;

  DriverAggregator(DriverDefinition definition) {
    this(definition, new CoMoments(checkFactors(definition).factorCount() + 1),
        definition.missingAnswers() == MissingAnswers.PAIRWISE
            ? new PairwiseMoments(definition.factorCount() + 1) : null,
        0, new HashMap<>(), 0, 0);
  }

  private DriverAggregator(DriverDefinition definition, CoMoments moments,
      @Nullable PairwiseMoments pairwise, long contributors, Map<RespondentKey, Partial> pending,
      long incomplete, long rejected) {
    this.definition = definition;
    this.k = definition.factorCount();
    this.index = new HashMap<>();
    for (int i = 0; i < k; i++) {
      index.put(definition.factors().get(i).id(), i);
    }
    index.put(definition.outcome().id(), k);
    this.moments = moments;
    this.pairwise = pairwise;
    this.contributors = contributors;
    this.pending = pending;
    this.row = new double[k + 1];
    this.incomplete = incomplete;
    this.rejected = rejected;
  }

  private static DriverDefinition checkFactors(DriverDefinition d) {
    Objects.requireNonNull(d, "definition is null");
    if (d.factorCount() == 0) {
      throw new IllegalArgumentException(
          "a driver analysis of '" + d.outcome().id() + "' needs at least one factor");
    }
    return d;
  }

  /**
   * The definition.
   *
   * @return the definition
   */
  public DriverDefinition definition() {
    return definition;
  }

  private RatedQuestion question(int i) {
    return i == k ? definition.outcome() : definition.factors().get(i);
  }

  /**
   * Records one answer when it is to the outcome or a factor: it joins its respondent, who
   * enters the analysis once every question is answered.
   *
   * @param response the answer
   * @return whether it is one of this analysis' questions
   * @throws IllegalArgumentException for an answer off its scale (with
   *     {@link OutOfRangePolicy#REJECT}), or a second answer to a question by a respondent
   *     still held (with {@link DuplicatePolicy#REJECT}); nothing is recorded then
   */
  @Override
  public boolean accept(SurveyResponse response) {
    Objects.requireNonNull(response, "response is null");
    Integer at = index.get(response.question());
    if (at == null) {
      return false;
    }
    int i = at;
    Integer score = response.score();
    RespondentKey key = RespondentKey.of(response, definition.responseIdAttribute());
    Partial p = pending.get(key);
    if (p != null && (p.answered & (1L << i)) != 0) {
      if (definition.duplicatePolicy() == DuplicatePolicy.REJECT) {
        throw new IllegalArgumentException("duplicate answer to '" + response.question() + "' by "
            + key + ": a respondent answers each question once");
      }
      rejected = Math.addExact(rejected, 1);
      return true;
    }
    if (score != null && !question(i).contains(score)) {
      if (definition.outOfRangePolicy() == OutOfRangePolicy.REJECT) {
        throw new IllegalArgumentException("score " + score + " of '" + response.question()
            + "' is outside its scale " + question(i).min() + ".." + question(i).max());
      }
      rejected = Math.addExact(rejected, 1);
      return true;
    }
    if (p == null) {
      p = new Partial(k + 1);
      pending.put(key, p);
    }
    p.answered |= 1L << i;
    if (score == null) {
      p.blank |= 1L << i;
    } else {
      p.scores[i] = score;
    }
    if (Partial.weightSource(p.answered, k) == i) {
      p.weight = response.weight();
    }
    if (p.isFull()) {
      pending.remove(key);
      decide(p);
    }
    return true;
  }

  private void decide(Partial p) {
    PairwiseMoments pw = pairwise;
    if (pw != null) {
      long has = p.answered & ~p.blank;
      if (has == 0) {
        incomplete++;
        return;
      }
      for (int i = 0; i <= k; i++) {
        row[i] = p.scores[i];
      }
      pw.add(p.weight, row, has);
      contributors++;
      return;
    }
    if (p.blank != 0) {
      incomplete++;
      return;
    }
    for (int i = 0; i <= k; i++) {
      row[i] = p.scores[i];
    }
    moments.add(p.weight, row);
  }

  /**
   * Records a complete respondent at once (e.g. a row of a survey export), with weight 1.
   *
   * @param outcome the outcome's score
   * @param factors the factors' scores, in the definition's order
   * @return this aggregator
   * @throws IllegalArgumentException when the number of scores is not k, or a score is off its
   *     scale with {@link OutOfRangePolicy#REJECT} (with
   *     {@link OutOfRangePolicy#COUNT_AS_REJECTED} the scores off their scale are counted
   *     rejected and the respondent incomplete)
   */
  public DriverAggregator addRespondent(int outcome, int... factors) {
    return addWeightedRespondent(1.0, outcome, factors);
  }

  /**
   * Records a complete, weighted respondent at once.
   *
   * @param weight the respondent's survey weight, finite and positive
   * @param outcome the outcome's score
   * @param factors the factors' scores, in the definition's order
   * @return this aggregator
   * @throws IllegalArgumentException as {@link #addRespondent}, or for a bad weight
   */
  public DriverAggregator addWeightedRespondent(double weight, int outcome, int... factors) {
    if (!(weight >= 1e-100 && weight <= 1e100)) {
      throw new IllegalArgumentException(
          "weight must be finite and in 1e-100..1e100, was " + weight);
    }
    if (factors.length != k) {
      throw new IllegalArgumentException(
          "a respondent needs " + k + " factor scores, had " + factors.length);
    }
    int off = definition.outcome().contains(outcome) ? 0 : 1;
    for (int i = 0; i < k; i++) {
      if (!definition.factors().get(i).contains(factors[i])) {
        off++;
      }
    }
    if (off > 0) {
      if (definition.outOfRangePolicy() == OutOfRangePolicy.REJECT) {
        for (int i = 0; i <= k; i++) {
          int s = i == k ? outcome : factors[i];
          if (!question(i).contains(s)) {
            throw new IllegalArgumentException("score " + s + " of '" + question(i).id()
                + "' is outside its scale " + question(i).min() + ".." + question(i).max());
          }
        }
      }
      rejected = Math.addExact(rejected, off);
      incomplete++;
      return this;
    }
    for (int i = 0; i < k; i++) {
      row[i] = factors[i];
    }
    row[k] = outcome;
    if (pairwise != null) {
      pairwise.add(weight, row, Partial.full(k + 1));
      contributors++;
    } else {
      moments.add(weight, row);
    }
    return this;
  }

  /**
   * Declares that no more answers will come: the respondents still partial are counted
   * {@linkplain DriverResult#incomplete() incomplete} and forgotten.
   */
  public void endOfInput() {
    if (pairwise == null) {
      incomplete = Math.addExact(incomplete, pending.size());
    } else {
      // in a fixed order, so that the sums do not depend on the map's history
      List<Map.Entry<RespondentKey, Partial>> entries = new ArrayList<>(pending.entrySet());
      entries.sort(Map.Entry.comparingByKey());
      for (Map.Entry<RespondentKey, Partial> e : entries) {
        decide(e.getValue());
      }
    }
    pending.clear();
  }

  /**
   * Adds another aggregator of the same definition: the moments by Chan et al.'s formulas, the
   * counts, and the partial respondents, joining those both sides hold (which may complete
   * them). Failure-atomic.
   *
   * @param other the other aggregator; it is not changed
   * @return this aggregator
   * @throws IllegalArgumentException when the definitions differ, or both sides hold an
   *     answer to the same question by the same respondent (with {@link DuplicatePolicy#REJECT})
   * @throws ArithmeticException when a count would overflow
   */
  @Override
  public DriverAggregator merge(DriverAggregator other) {
    Objects.requireNonNull(other, "other is null");
    if (!definition.equals(other.definition)) {
      throw new IllegalArgumentException("cannot merge driver analyses of different definitions: "
          + definition + " and " + other.definition);
    }
    if (other == this) {
      other = other.copy();
    }
    int completing = 0;
    long duplicates = 0;
    for (Map.Entry<RespondentKey, Partial> e : other.pending.entrySet()) {
      Partial mine = pending.get(e.getKey());
      if (mine != null) {
        Partial theirs = e.getValue();
        long both = mine.answered & theirs.answered;
        if (both != 0) {
          if (definition.duplicatePolicy() == DuplicatePolicy.REJECT) {
            throw new IllegalArgumentException("duplicate answer to '"
                + question(Long.numberOfTrailingZeros(both)).id() + "' by " + e.getKey()
                + ": both aggregators hold one");
          }
          duplicates += Long.bitCount(both);
        }
        if (((mine.answered | theirs.answered) == Partial.full(k + 1))) {
          completing++;
        }
      }
    }
    Math.addExact(Math.addExact(moments.count(), other.moments.count()), completing);
    Math.addExact(Math.addExact(contributors, other.contributors), completing);
    if (pairwise != null && other.pairwise != null) {
      pairwise.checkMerge(other.pairwise);
    }
    long newIncomplete = Math.addExact(Math.addExact(incomplete, other.incomplete), completing);
    long newRejected = Math.addExact(Math.addExact(rejected, other.rejected), duplicates);
    moments.merge(other.moments);
    if (pairwise != null && other.pairwise != null) {
      pairwise.merge(other.pairwise);
    }
    contributors += other.contributors;
    incomplete = newIncomplete - completing;
    rejected = newRejected;
    for (Map.Entry<RespondentKey, Partial> e : other.pending.entrySet()) {
      Partial theirs = e.getValue();
      Partial mine = pending.get(e.getKey());
      if (mine == null) {
        pending.put(e.getKey(), theirs.copy());
        continue;
      }
      long take = theirs.answered & ~mine.answered; // duplicates: this side's answer stays
      for (int i = 0; i <= k; i++) {
        if ((take & (1L << i)) != 0) {
          mine.scores[i] = theirs.scores[i];
        }
      }
      if ((take & (1L << Partial.weightSource(mine.answered | take, k))) != 0) {
        mine.weight = theirs.weight;
      }
      mine.answered |= take;
      mine.blank |= theirs.blank & take;
      if (mine.isFull()) {
        pending.remove(e.getKey());
        decide(mine);
      }
    }
    return this;
  }

  @Override
  public DriverAggregator copy() {
    Map<RespondentKey, Partial> p = new HashMap<>();
    for (Map.Entry<RespondentKey, Partial> e : pending.entrySet()) {
      p.put(e.getKey(), e.getValue().copy());
    }
    return new DriverAggregator(definition, moments.copy(),
        pairwise == null ? null : pairwise.copy(), contributors, p, incomplete, rejected);
  }

  @Override
  public DriverAggregator reset() {
    moments.reset();
    if (pairwise != null) {
      pairwise.reset();
    }
    contributors = 0;
    pending.clear();
    incomplete = 0;
    rejected = 0;
    return this;
  }

  /**
   * The number of respondents in the analysis: the complete ones, or with pairwise deletion
   * those who gave at least one usable answer.
   *
   * @return the count
   */
  @Override
  public long count() {
    return pairwise != null ? contributors : moments.count();
  }

  /**
   * The number of respondents held, not complete yet.
   *
   * @return the count
   */
  public int pendingCount() {
    return pending.size();
  }

  @Override
  public boolean isEmpty() {
    return count() == 0 && pending.isEmpty() && incomplete == 0 && rejected == 0;
  }

  /**
   * The analysis at the 95 % level.
   *
   * @return the result
   */
  @Override
  public DriverResult result() {
    return result(0.95);
  }

  /**
   * The analysis at a confidence level.
   *
   * @param level the level, in (0, 1)
   * @return the result
   */
  public DriverResult result(double level) {
    PairwiseMoments pw = pairwise;
    return pw != null
        ? Analysis.pairwise(definition, pw, contributors, incomplete, pending.size(), rejected, level)
        : Analysis.of(definition, moments, incomplete, pending.size(), rejected, level);
  }

  /**
   * The state in a frame of kind 13 ({@code Drivers.TYPE.frameKind()}): the definition, the moments, the
   * counts and the partial respondents in a fixed order (so that equal states give equal bytes).
   *
   * @return the bytes
   */
  @Override
  public byte[] toBytes() {
    FrameWriter w = FrameWriter.begin(Drivers.FRAME_KIND);
    definition.write(w);
    if (pairwise != null) {
      w.putVarLong(contributors);
      pairwise.write(w);
    } else {
      moments.write(w);
    }
    w.putVarLong(incomplete).putVarLong(rejected).putVarLong(pending.size());
    List<Map.Entry<RespondentKey, Partial>> entries = new ArrayList<>(pending.entrySet());
    entries.sort(Map.Entry.comparingByKey());
    for (Map.Entry<RespondentKey, Partial> e : entries) {
      RespondentKey key = e.getKey();
      Partial p = e.getValue();
      w.putString(key.customerId());
      String id = key.responseId();
      w.putBoolean(id != null);
      if (id != null) {
        w.putString(id);
      } else {
        w.putSignedLong(key.seconds()).putVarLong(key.nanos());
      }
      w.putVarLong(p.answered).putVarLong(p.blank);
      for (int i = 0; i <= k; i++) {
        if ((p.answered & ~p.blank & (1L << i)) != 0) {
          w.putSignedInt(p.scores[i]);
        }
      }
      w.putDouble(p.weight);
    }
    return w.finish();
  }

  static DriverAggregator fromBytes(byte[] bytes) {
    FrameReader r = FrameReader.open(bytes, Drivers.FRAME_KIND, WHAT);
    DriverDefinition def = DriverDefinition.read(r);
    int k = def.factorCount();
    double[] min = new double[k + 1];
    double[] max = new double[k + 1];
    for (int i = 0; i <= k; i++) {
      RatedQuestion q = i == k ? def.outcome() : def.factors().get(i);
      min[i] = q.min();
      max[i] = q.max();
    }
    boolean isPairwise = def.missingAnswers() == MissingAnswers.PAIRWISE;
    long contributors = isPairwise ? r.getVarLong("contributors") : 0;
    PairwiseMoments pairwise = isPairwise ? PairwiseMoments.read(r, min, max) : null;
    CoMoments moments = isPairwise ? new CoMoments(k + 1) : CoMoments.read(r, min, max);
    if (pairwise != null) {
      for (int i = 0; i <= k; i++) {
        r.check(pairwise.single(i).count() <= contributors, "contributors",
            contributors + " fewer than the " + pairwise.single(i).count() + " answers of " + i);
      }
    }
    long incomplete = r.getVarLong("incomplete");
    long rejected = r.getVarLong("rejected");
    // each pending respondent takes at least 4 bytes: a count beyond that is a lie
    long count = r.getVarLong("pending respondents", 0, r.remaining() / 4);
    Map<RespondentKey, Partial> pending = new HashMap<>();
    @Nullable RespondentKey previous = null;
    long full = Partial.full(k + 1);
    for (long n = 0; n < count; n++) {
      String customer = r.getString("customer id");
      boolean hasId = r.getBoolean("has response id");
      RespondentKey key;
      if (hasId) {
        key = new RespondentKey(customer, r.getString("response id"), 0, 0);
      } else {
        long seconds = r.getSignedLong("instant seconds");
        int nanos = (int) r.getVarLong("instant nanos", 0, 999_999_999);
        r.check(seconds >= Instant.EPOCH.getEpochSecond()
            && seconds < SurveyResponse.MAX_INSTANT.getEpochSecond(), "instant seconds",
            seconds + " outside the instants an interaction may have");
        key = new RespondentKey(customer, null, seconds, nanos);
      }
      r.check(!customer.isBlank(), "customer id", "blank");
      r.check(previous == null || previous.compareTo(key) < 0, "pending respondents",
          "not in strictly ascending order at " + key);
      previous = key;
      Partial p = new Partial(k + 1);
      p.answered = r.getVarLong("answered", 1, full);
      p.blank = r.getVarLong("blank", 0, full);
      r.check(p.answered != full, "answered", "a complete respondent is never held");
      r.check((p.blank & ~p.answered) == 0, "blank", "marks a question not answered");
      for (int i = 0; i <= k; i++) {
        if ((p.answered & ~p.blank & (1L << i)) != 0) {
          RatedQuestion q = i == k ? def.outcome() : def.factors().get(i);
          p.scores[i] = r.getSignedInt("score of '" + q.id() + "'", q.min(), q.max());
        }
      }
      p.weight = r.getFiniteNonNegative("weight");
      r.check(p.weight >= 1e-100 && p.weight <= 1e100, "weight",
          p.weight + " outside 1e-100..1e100");
      pending.put(key, p);
    }
    r.finish();
    return new DriverAggregator(def, moments, pairwise, contributors, pending, incomplete,
        rejected);
  }

  @Override
  public String toString() {
    return "DriverAggregator[" + definition.outcome().id() + ", k=" + k + ", respondents="
        + count() + ", pending=" + pending.size() + ", incomplete=" + incomplete + "]";
  }
}
