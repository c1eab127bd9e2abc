@NullMarked
package io.todoke.intake.ops;

import org.jspecify.annotations.NullMarked;
