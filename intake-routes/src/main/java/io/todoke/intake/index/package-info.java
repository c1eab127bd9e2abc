@NullMarked
package io.todoke.intake.index;

import org.jspecify.annotations.NullMarked;
