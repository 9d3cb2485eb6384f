/**
 * First-Contact Resolution, in its three families.
 *
 * <ol>
 *   <li><b>Survey</b>: "Was your issue resolved in this contact?"; FCR = yes / answered, with
 *       its Wilson interval ({@link io.github.cxkpi.fcr.SurveyFcrAggregator}, on the rating
 *       machinery of CSAT).
 *   <li><b>Repeat contact</b>, the operational one: a contact is repeated when another of the
 *       same key follows within the window (7 days, inclusive); FCR = episodes with exactly one
 *       contact / episodes, beside the repeat-contact rate
 *       ({@link io.github.cxkpi.fcr.RepeatContactAggregator}, exact in event time with a
 *       watermark, memory bounded by the keys active within the window). An example
 *       (W = 7 days): c1 on days 0, 2 and 12, c2 on day 1: episodes {0, 2}, {12}, {1}: FCR 2/3;
 *       contacts followed by a repeat: day 0 only: rate 1/4. Two contacts of one key at the
 *       same instant are a repeat by default ({@link io.github.cxkpi.fcr.SameInstantContacts}).
 *       The result does not depend on the input's order: with the watermark not derived, in
 *       any order; with a lateness L, in any order where no contact arrives more than L after
 *       a later one (a contact strictly before the largest instant seen minus L is late:
 *       counted, never silently dropped). Checkpoints of any size stream
 *       ({@code writeTo(OutputStream)}, {@link io.github.cxkpi.fcr.Fcr#repeatContactFromStream});
 *       whatever is written reads back.
 *   <li><b>Case</b>, one-touch resolution: the same machinery keyed by case with the agent's
 *       resolved mark required ({@link io.github.cxkpi.fcr.Fcr#caseBased()}).
 * </ol>
 */
@NullMarked
package io.github.cxkpi.fcr;

import org.jspecify.annotations.NullMarked;
