package io.github.cxkpi.scale;

import io.github.cxkpi.codec.DefinitionCodec;
import io.github.cxkpi.codec.FrameReader;
import io.github.cxkpi.codec.FrameWriter;
import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.internal.Checks;
import io.github.cxkpi.spi.Aggregator;
import io.github.cxkpi.spi.KpiSummary;
import io.github.cxkpi.stats.Difference;
import java.util.Objects;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * The aggregator shared by every rating KPI: a {@link ScaleHistogram} of the answers on the
 * definition's scale, plus the blank answers and the answers rejected as off the scale. A KPI
 * module subclasses it with its definition and its result; the vocabulary is the same for all:
 * {@link #add(int)}, {@link #addAll(int[])}, {@link #accept(SurveyResponse)}, {@link #merge},
 * {@link #result()}, {@link #toBytes()}, {@link #reset()}, {@link #count()}, {@link #isEmpty()}.
 *
 * <p><b>Not thread-safe</b>: an aggregator is small, mutable and meant for one thread (the
 * fastest path). For many writer threads use a {@link RatingRecorder}; to combine the work of
 * several threads, give each its own aggregator and {@link #merge} them.
 *
 * @param <D> the definition
 * @param <R> the result
 * @param <A> the concrete aggregator (so that fluent methods return it)
 * @since 0.1.0
 */
public abstract class RatingAggregator<
        D extends RatingDefinition, R, A extends RatingAggregator<D, R, A>>
    implements IntConsumer, Aggregator<SurveyResponse, A, R> {

  private final D definition;
  private final DefinitionCodec<D> codec;
  private final int lo;
  private final int hi;
  private final ScaleHistogram scores;
  // The histogram's own counts array, one pointer hop closer for add(int).
  private final long[] counts;
  // Blank answers, all on point 0 of a two-point histogram: it keeps their count and weights.
  private final ScaleHistogram blanks = ScaleHistogram.of(0, 1);
  private long rejected;

  /**
   * Creates an empty aggregator.
   *
   * @param definition the KPI's definition
   * @param codec how the definition is written into the aggregator's frames (the KPI module's
   *     internal codec)
   */
  protected RatingAggregator(D definition, DefinitionCodec<D> codec) {
    this.definition = Objects.requireNonNull(definition, "definition is null");
    this.codec = Objects.requireNonNull(codec, "codec is null");
    this.lo = definition.scaleMin();
    this.hi = definition.scaleMax();
    this.scores = ScaleHistogram.of(lo, hi);
    this.counts = scores.liveCounts();
  }

  /**
   * A new empty aggregator of the same definition; subclasses create their own type.
   *
   * @return an empty aggregator
   */
  protected abstract A newEmpty();

  @SuppressWarnings("unchecked")
  private A self() {
    return (A) this;
  }

  /**
   * The definition.
   *
   * @return the definition
   */
  public final D definition() {
    return definition;
  }

  private void offScale(int score) {
    if (definition.outOfRangePolicy() == OutOfRangePolicy.REJECT) {
      throw new IllegalArgumentException(
          "score " + score + " is outside the scale " + lo + ".." + hi + " of question '"
              + definition.question() + "'");
    }
    rejected = Math.incrementExact(rejected);
  }

  /**
   * Records one answer.
   *
   * @param score the answer
   * @return this aggregator
   * @throws IllegalArgumentException when the score is off the scale and the policy is
   *     {@link OutOfRangePolicy#REJECT}
   */
  public final A add(int score) {
    final long[] c = counts;
    int i = score - lo;
    if (Integer.compareUnsigned(i, c.length) >= 0) {
      offScale(score);
    } else {
      c[i] = Math.incrementExact(c[i]);
    }
    return self();
  }

  /** Same as {@link #add(int)}: an aggregator is an {@link IntConsumer}. */
  @Override
  public final void accept(int score) {
    add(score);
  }

  /**
   * Records one weighted answer.
   *
   * @param score the answer
   * @param weight its survey weight, finite and positive
   * @return this aggregator
   */
  public final A add(int score, double weight) {
    if (score < lo || score > hi) {
      Checks.positiveWeight(weight, "weight");
      offScale(score);
    } else {
      scores.add(score, weight);
    }
    return self();
  }

  /**
   * Records a blank answer (the respondent skipped the question).
   *
   * @return this aggregator
   */
  public final A addBlank() {
    blanks.add(0);
    return self();
  }

  /**
   * Records a weighted blank answer.
   *
   * @param weight its survey weight, finite and positive
   * @return this aggregator
   */
  public final A addBlank(double weight) {
    blanks.add(0, weight);
    return self();
  }

  /**
   * Records many answers. With {@link OutOfRangePolicy#REJECT} it is failure-atomic: an answer
   * off the scale throws and nothing is recorded.
   *
   * @param scores the answers
   * @return this aggregator
   */
  public final A addAll(int... scores) {
    if (definition.outOfRangePolicy() == OutOfRangePolicy.REJECT) {
      try {
        this.scores.addAll(scores);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(e.getMessage() + " (" + definition + ")", e);
      }
    } else {
      for (int s : scores) {
        add(s);
      }
    }
    return self();
  }

  /**
   * Records every answer of a stream, like {@link #addAll(int...)}.
   *
   * @param scores the answers
   * @return this aggregator
   */
  public final A addAll(IntStream scores) {
    if (definition.outOfRangePolicy() == OutOfRangePolicy.REJECT) {
      this.scores.addAll(scores);
    } else {
      scores.sequential().forEach(this::add);
    }
    return self();
  }

  /**
   * The columnar path ({@link RatingKpiAggregator#answerSink}): {@code add[i]} answers of score
   * {@code firstScore + i}, as many {@link #add(int)} calls would record them. Failure-atomic.
   */
  final void addCounts(int firstScore, long[] add) {
    long[] delta = firstScore == lo && add.length == counts.length ? add : null;
    long rejectedNow = 0;
    for (int i = 0; i < add.length; i++) {
      long c = add[i];
      long score = (long) firstScore + i;
      if (c < 0) {
        throw new IllegalArgumentException("count " + c + " of score " + score + " is negative");
      }
      if (c == 0 || (score >= lo && score <= hi)) {
        continue;
      }
      if (definition.outOfRangePolicy() == OutOfRangePolicy.REJECT) {
        throw new IllegalArgumentException(
            "score " + score + " is outside the scale " + lo + ".." + hi + " of question '"
                + definition.question() + "'; nothing was recorded");
      }
      rejectedNow = Math.addExact(rejectedNow, c);
    }
    if (delta == null) {
      delta = new long[counts.length];
      for (int i = 0; i < add.length; i++) {
        long score = (long) firstScore + i;
        if (score >= lo && score <= hi) {
          delta[(int) (score - lo)] = add[i];
        }
      }
    }
    long newRejected = Math.addExact(rejected, rejectedNow);
    scores.addCounts(delta); // checks every count and the total before it changes any
    rejected = newRejected;
  }

  /**
   * Records a survey response if it answers this KPI's question: its score with its weight,
   * or a blank.
   *
   * @param response the response
   * @return {@code true} when the response was for this KPI's question and was recorded;
   *     {@code false} when it was for another question and was left alone
   */
  public final boolean accept(SurveyResponse response) {
    Objects.requireNonNull(response, "response is null");
    if (!response.question().equals(definition.question())) {
      return false;
    }
    Integer score = response.score();
    double w = response.weight();
    if (score == null) {
      if (w == 1.0) {
        addBlank();
      } else {
        addBlank(w);
      }
    } else if (w == 1.0) {
      add(score);
    } else {
      add(score, w);
    }
    return true;
  }

  /**
   * Adds another aggregator's state into this one. It checks compatibility and overflow
   * before it changes anything (failure-atomic).
   *
   * @param other an aggregator of an equal definition; it is not changed
   * @return this aggregator
   * @throws IllegalArgumentException when the definitions differ (the message gives both)
   * @throws ArithmeticException when a count would overflow
   */
  public final A merge(A other) {
    Objects.requireNonNull(other, "other is null");
    RatingAggregator<D, R, A> o = other;
    if (!definition.equals(o.definition)) {
      throw new IllegalArgumentException(
          "cannot merge aggregators of different definitions: " + definition + " and "
              + o.definition);
    }
    if (o == this) {
      return merge(copy());
    }
    scores.checkCanMerge(o.scores);
    blanks.checkCanMerge(o.blanks);
    if (rejected > Long.MAX_VALUE - o.rejected) {
      throw new ArithmeticException("rejected count would overflow");
    }
    // Every total a result reads (answers, answers + blanks, + rejected) must fit in a long.
    try {
      Math.addExact(Math.addExact(Math.addExact(count(), o.count()),
          Math.addExact(blankCount(), o.blankCount())), Math.addExact(rejected, o.rejected));
    } catch (ArithmeticException e) {
      throw new ArithmeticException("merging would overflow the total count: " + count() + " + "
          + o.count() + " answers, " + blankCount() + " + " + o.blankCount() + " blanks, "
          + rejected + " + " + o.rejected + " rejected");
    }
    scores.merge(o.scores);
    blanks.merge(o.blanks);
    rejected += o.rejected;
    return self();
  }

  /**
   * Forgets everything recorded; the definition stays.
   *
   * @return this aggregator
   */
  public final A reset() {
    scores.reset();
    blanks.reset();
    rejected = 0;
    return self();
  }

  /**
   * An independent copy.
   *
   * @return the copy
   */
  public final A copy() {
    A c = newEmpty();
    RatingAggregator<D, R, A> copy = c;
    copy.scores.setFrom(scores);
    copy.blanks.setFrom(blanks);
    copy.rejected = rejected;
    return c;
  }

  /**
   * The answers on the scale.
   *
   * @return their count
   */
  public final long count() {
    return scores.totalCount();
  }

  /**
   * Whether nothing at all was recorded (no answer, no blank, nothing rejected).
   *
   * @return {@code true} when empty
   */
  public final boolean isEmpty() {
    return scores.isEmpty() && blanks.isEmpty() && rejected == 0;
  }

  /**
   * The blank answers.
   *
   * @return their count
   */
  public final long blankCount() {
    return blanks.count(0);
  }

  /**
   * The answers rejected as off the scale (with {@link OutOfRangePolicy#COUNT_AS_REJECTED}).
   *
   * @return their count
   */
  public final long rejectedCount() {
    return rejected;
  }

  /**
   * A copy of the histogram of answers on the scale.
   *
   * @return the histogram
   */
  public final ScaleHistogram histogram() {
    return scores.copy();
  }

  /**
   * The live histogram, for subclasses computing their result; never hand it out.
   *
   * @return the histogram
   */
  protected final ScaleHistogram liveHistogram() {
    return scores;
  }

  /**
   * The sum of the blank answers' weights.
   *
   * @return the weight
   */
  protected final double blankWeight() {
    return blanks.weight(0);
  }

  /**
   * Whether any answer or blank recorded carried a weight other than 1.
   *
   * @return {@code true} when weighted
   */
  protected final boolean isWeighted() {
    return scores.isWeighted() || blanks.isWeighted();
  }

  /**
   * The sum of the blank answers' squared weights.
   *
   * @return the sum of squares
   */
  protected final double blankWeightSquares() {
    return blanks.weightSquares(0);
  }

  /**
   * The statistics of the answers recorded: distribution, mean, variance, shares.
   *
   * @return an immutable snapshot
   */
  public final RatingStats statistics() {
    return RatingStats.of(scores, blankCount(), rejected, isWeighted());
  }

  /**
   * The KPI's result for what has been recorded: an immutable record.
   *
   * @return the result
   */
  public abstract R result();

  /**
   * The KPI's headline figure in the registry's common form (value, interval, n, flag).
   *
   * @param level the confidence level
   * @return the summary
   */
  public abstract KpiSummary summary(double level);

  /**
   * Compares this aggregator's headline figure with a baseline's ({@code this - baseline}).
   *
   * @param baseline the baseline (e.g. the previous period)
   * @param level the confidence level
   * @return the difference
   */
  public abstract Difference difference(A baseline, double level);

  /**
   * Serializes the aggregator: the definition's parameters, then the answers, blanks and
   * rejected count.
   *
   * @return the bytes
   */
  public final byte[] toBytes() {
    FrameWriter w = FrameWriter.begin(codec.frameKind());
    codec.write(definition, w);
    ScaleHistogramCodec.write(scores, w);
    ScaleHistogramCodec.write(blanks, w);
    w.putVarLong(rejected);
    return w.finish();
  }

  /**
   * Reads the state written by {@link #toBytes()} after the definition's parameters into this
   * (empty) aggregator, and checks that nothing follows it.
   *
   * @param r the frame, positioned after the parameters
   * @return this aggregator
   * @throws io.github.cxkpi.codec.CodecException for bad bytes
   */
  protected final A readState(FrameReader r) {
    ScaleHistogram s = ScaleHistogramCodec.read(r);
    r.check(s.min() == lo && s.max() == hi, "scale",
        "histogram scale " + s.min() + ".." + s.max() + " does not match the definition's "
            + lo + ".." + hi);
    ScaleHistogram b = ScaleHistogramCodec.read(r);
    r.check(b.min() == 0 && b.max() == 1 && b.count(1) == 0, "blanks", "malformed blank tally");
    long rej = r.getVarLong("rejected");
    r.check(s.totalCount() <= Long.MAX_VALUE - b.count(0)
        && s.totalCount() + b.count(0) <= Long.MAX_VALUE - rej, "counts",
        "answers + blanks + rejected overflow a long");
    r.finish();
    scores.setFrom(s);
    blanks.setFrom(b);
    rejected = rej;
    return self();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + definition + ", " + scores + ", blanks="
        + blankCount() + ", rejected=" + rejected + "]";
  }
}
