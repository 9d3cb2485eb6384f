/** The FCR module's service providers and the repeat-contact state machine; not exported. */
@NullMarked
package io.github.cxkpi.fcr.internal;

import org.jspecify.annotations.NullMarked;
