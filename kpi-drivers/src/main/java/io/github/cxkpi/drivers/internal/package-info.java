/**
 * The drivers module's implementation, not exported: a symmetric eigen-decomposition
 * (cyclic Jacobi), Johnson's relative weights, the mergeable co-moment accumulator and the
 * service provider.
 */
@NullMarked
package io.github.cxkpi.drivers.internal;

import org.jspecify.annotations.NullMarked;
