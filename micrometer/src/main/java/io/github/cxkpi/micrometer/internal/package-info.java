/** The binder's implementation: segments, their interval rings and the meters. Not exported. */
@NullMarked
package io.github.cxkpi.micrometer.internal;

import org.jspecify.annotations.NullMarked;
