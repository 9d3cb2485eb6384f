/** The demo program that the README's first command runs. */
@NullMarked
package io.github.cxkpi.demo;

import org.jspecify.annotations.NullMarked;
