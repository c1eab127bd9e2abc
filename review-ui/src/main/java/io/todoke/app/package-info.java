@NullMarked
package io.todoke.app;

import org.jspecify.annotations.NullMarked;
