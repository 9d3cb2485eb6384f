/**
 * The linear algebra and moments of a driver analysis, not exported: a symmetric
 * eigen-decomposition (cyclic Jacobi), Johnson's relative weights and the mergeable co-moment
 * accumulator. Written here because library modules depend only on core, and a driver analysis
 * needs no more than this for at most 50 factors.
 */
@NullMarked
package io.github.cxkpi.drivers.internal.math;

import org.jspecify.annotations.NullMarked;
