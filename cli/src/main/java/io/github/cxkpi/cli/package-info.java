/**
 * The command-line report. {@code java -jar cxkpi-cli.jar report --help} explains it; the
 * input format is documented in {@link io.github.cxkpi.cli.InteractionReader}.
 */
@NullMarked
package io.github.cxkpi.cli;

import org.jspecify.annotations.NullMarked;
