/** The CSAT module's service provider; not exported. */
@NullMarked
package io.github.cxkpi.csat.internal;

import org.jspecify.annotations.NullMarked;
