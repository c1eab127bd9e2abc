@NullMarked
package io.todoke.store.cases;

import org.jspecify.annotations.NullMarked;
