@NullMarked
package io.todoke.intake;

import org.jspecify.annotations.NullMarked;
