@NullMarked
package io.todoke.store;

import org.jspecify.annotations.NullMarked;
