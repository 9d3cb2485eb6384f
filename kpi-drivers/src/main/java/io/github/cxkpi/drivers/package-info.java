/**
 * Key-driver analysis: which rated factors of the experience drive an outcome.
 *
 * <p>A survey rates factors of the experience (the common eight: accessibility, competence,
 * customer recognition, helpfulness, personalization, problem solving, promise fulfilment,
 * value for time; or any others) beside an outcome (likelihood to recommend, overall
 * satisfaction). Per respondent who answered the outcome and every factor (complete cases),
 * a {@link io.github.cxkpi.drivers.DriverAggregator} keeps the weighted count, the means and
 * the co-moment matrix, updated in O(k^2) and merged exactly with Chan, Golub and LeVeque's
 * pairwise formulas. The {@link io.github.cxkpi.drivers.DriverResult} then gives per factor its
 * mean (performance) with its t interval, its correlation with the outcome with a Fisher-z
 * interval, its standardized regression weight, and its importance as Johnson's (2000)
 * relative weight (its share of R^2), with ranks and an importance-performance quadrant.
 *
 * <pre>{@code
 * DriverAggregator a = Drivers.aggregator(Drivers.outcome("nps", 0, 10)
 *     .withFactors(1, 10, "helpfulness", "problem_solving", "value_for_time"));
 * a.addRespondent(1.0, 9, 8, 9, 7);     // outcome, then the factors in order
 * // ... or a.accept(surveyResponse) for answers one by one
 * DriverResult r = a.result();
 * }</pre>
 */
@NullMarked
package io.github.cxkpi.drivers;

import org.jspecify.annotations.NullMarked;
