@NullMarked
package io.todoke.intake.claim;

import org.jspecify.annotations.NullMarked;
