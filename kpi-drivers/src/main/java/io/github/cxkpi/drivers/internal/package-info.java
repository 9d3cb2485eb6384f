/** The drivers module's service provider; not exported. */
@NullMarked
package io.github.cxkpi.drivers.internal;

import org.jspecify.annotations.NullMarked;
