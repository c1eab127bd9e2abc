@NullMarked
package io.todoke.search.analysis;

import org.jspecify.annotations.NullMarked;
