@NullMarked
package io.todoke.intake.config;

import org.jspecify.annotations.NullMarked;
