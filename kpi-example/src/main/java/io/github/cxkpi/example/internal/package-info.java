/** The example KPI's provider and aggregator. */
@NullMarked
package io.github.cxkpi.example.internal;

import org.jspecify.annotations.NullMarked;
