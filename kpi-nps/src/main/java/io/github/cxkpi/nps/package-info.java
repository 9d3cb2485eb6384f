/**
 * Net Promoter Score.
 *
 * <p>"How likely is it that you would recommend us to a friend or colleague?", 0 to 10.
 * Promoters answer 9-10, passives 7-8, detractors 0-6; NPS = %promoters - %detractors, in
 * -100..100 ({@link io.github.cxkpi.nps.NpsResult#score()}), or -1..1
 * ({@link io.github.cxkpi.nps.NpsResult#fraction()}). Coding each response x = +1/0/-1 with
 * shares p and d: variance per response {@code s² = p + d - (p - d)²}, {@code SE = sqrt(s²/n)}.
 * Weighted: {@code NPS = Σwx/Σw}, {@code n_eff = (Σw)²/Σw²}, {@code SE = sqrt(s²/n_eff)}.
 *
 * <pre>{@code
 * NpsAggregator nps = Nps.aggregator();
 * nps.addAll(10, 10, 9, 9, 9, 8, 7, 7, 6, 5, 3, 0);
 * NpsResult r = nps.result();
 * r.score();                                        // 8.33
 * r.interval(0.95, NpsIntervalMethod.WALD);         // [-0.404, 0.571] on -1..1
 * }</pre>
 *
 * <p>Variants are options of {@link io.github.cxkpi.nps.NpsDefinition}: a 1-10 scale with the
 * same cut-offs, other breaks, blank answers in the denominator, off-scale answers counted as
 * rejected instead of refused, the small-sample threshold (30 by default).
 */
@NullMarked
package io.github.cxkpi.nps;

import org.jspecify.annotations.NullMarked;
