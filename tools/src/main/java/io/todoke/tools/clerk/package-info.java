@NullMarked
package io.todoke.tools.clerk;

import org.jspecify.annotations.NullMarked;
