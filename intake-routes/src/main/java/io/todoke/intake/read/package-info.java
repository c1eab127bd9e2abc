@NullMarked
package io.todoke.intake.read;

import org.jspecify.annotations.NullMarked;
