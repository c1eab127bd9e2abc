@NullMarked
package io.todoke.tools.samples;

import org.jspecify.annotations.NullMarked;
