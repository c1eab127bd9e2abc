@NullMarked
package io.todoke.intake.storage;

import org.jspecify.annotations.NullMarked;
