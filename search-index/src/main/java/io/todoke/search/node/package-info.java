@NullMarked
package io.todoke.search.node;

import org.jspecify.annotations.NullMarked;
