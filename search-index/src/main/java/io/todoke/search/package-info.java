@NullMarked
package io.todoke.search;

import org.jspecify.annotations.NullMarked;
