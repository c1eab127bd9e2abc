@NullMarked
package io.todoke.tools.rendered;

import org.jspecify.annotations.NullMarked;
