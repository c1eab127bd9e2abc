@NullMarked
package io.todoke.search.cases;

import org.jspecify.annotations.NullMarked;
