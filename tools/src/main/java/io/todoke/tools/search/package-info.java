@NullMarked
package io.todoke.tools.search;

import org.jspecify.annotations.NullMarked;
