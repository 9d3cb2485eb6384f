/** The CES module's service provider; not exported. */
@NullMarked
package io.github.cxkpi.ces.internal;

import org.jspecify.annotations.NullMarked;
