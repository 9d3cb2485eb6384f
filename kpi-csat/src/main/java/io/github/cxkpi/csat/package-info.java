/**
 * Customer Satisfaction (CSAT).
 *
 * <p>"How satisfied were you with ...?" on a bounded integer scale, 1-5 by default. The
 * satisfied share counts the top boxes (4-5 on 1-5 by default; any top-N or threshold score),
 * with its Wilson interval; the mean has its t interval {@code mean ± t(n-1)·s/sqrt(n)}; also
 * the normalized mean {@code (mean - min)/(max - min)}, the net score (top N minus bottom N),
 * and the distribution. Blank answers are counted but never in the denominator.
 *
 * <pre>{@code
 * CsatAggregator checkout = Csat.aggregator(Csat.onScale(1, 5).withQuestion("csat.checkout"));
 * checkout.addAll(5, 4, 3, 5, 2);
 * CsatResult r = checkout.result();
 * r.satisfiedShare();                 // 0.6
 * r.satisfiedInterval(0.95);          // Wilson
 * }</pre>
 *
 * <p>A company asks CSAT at several touchpoints: each question is its own KPI. Give each its
 * definition ({@code withQuestion}), or let {@link io.github.cxkpi.csat.Csat#byQuestion} keep
 * one aggregator per question.
 */
@NullMarked
package io.github.cxkpi.csat;

import org.jspecify.annotations.NullMarked;
