@NullMarked
package io.todoke.app.doublecheck;

import org.jspecify.annotations.NullMarked;
