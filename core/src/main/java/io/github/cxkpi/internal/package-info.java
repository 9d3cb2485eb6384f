/** Implementation helpers shared by the core packages; not exported. */
@NullMarked
package io.github.cxkpi.internal;

import org.jspecify.annotations.NullMarked;
