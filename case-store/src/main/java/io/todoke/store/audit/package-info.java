@NullMarked
package io.todoke.store.audit;

import org.jspecify.annotations.NullMarked;
