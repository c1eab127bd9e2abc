@NullMarked
package io.todoke.intake.pickup;

import org.jspecify.annotations.NullMarked;
