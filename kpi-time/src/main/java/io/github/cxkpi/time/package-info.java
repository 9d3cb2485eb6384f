/**
 * Service times: how long customers wait, how long agents handle, how long cases take.
 *
 * <p>One primitive, {@link io.github.cxkpi.time.DurationHistogram}: durations in nanoseconds on
 * log-linear buckets (64 per power of two at 1 %, integer shifts only), so that every reported
 * quantile lies within the relative accuracy (1 % by default) of the exact order statistic;
 * the count, the sum and the sum of squares are exact integers (so are the mean and the
 * variance, up to the final division), the minimum and the maximum are exact, and so are the
 * counts at the definition's targets (the buckets below a target's bucket, plus an exact count
 * in the target's own bucket).
 *
 * <p>The KPIs ({@link io.github.cxkpi.time.ServiceTimes}): first response time, time to
 * resolution and requester wait time (time to resolution less the time pending on the
 * requester, from closed cases whose events carry it) from
 * {@link io.github.cxkpi.event.CaseEvent}s, average handle time and speed of
 * answer from {@link io.github.cxkpi.event.ServiceContact}s, and the abandonment rate.
 *
 * <p>Statistics: the mean with its t interval; the q-quantile is the order statistic of rank
 * {@code ceil(q n)}, with a distribution-free interval between the order statistics whose ranks
 * the binomial distribution {@code Bin(n, q)} gives; service levels (the share within a target)
 * with Wilson intervals. Two periods or segments: means by Welch's t test, service levels by the
 * two-proportion z test. Quantiles are not compared by a test: the library offers none (two
 * overlapping intervals are no test).
 *
 * <p>Clocks are calendar clocks: business-hours clocks are a non-goal, since they need a
 * calendar of opening hours and holidays per team and time zone that the events do not carry;
 * a caller who has one can compute business durations and record them.
 */
@NullMarked
package io.github.cxkpi.time;

import org.jspecify.annotations.NullMarked;
