/** Implementation of the service-time KPIs: the index mapping, the ranks, the providers. */
@NullMarked
package io.github.cxkpi.time.internal;

import org.jspecify.annotations.NullMarked;
