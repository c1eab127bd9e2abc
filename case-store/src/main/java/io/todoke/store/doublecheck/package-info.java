@NullMarked
package io.todoke.store.doublecheck;

import org.jspecify.annotations.NullMarked;
