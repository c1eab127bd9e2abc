@NullMarked
package io.todoke.search.ops;

import org.jspecify.annotations.NullMarked;
