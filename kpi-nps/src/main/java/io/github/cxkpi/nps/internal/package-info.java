/** The NPS module's service provider; not exported. */
@NullMarked
package io.github.cxkpi.nps.internal;

import org.jspecify.annotations.NullMarked;
