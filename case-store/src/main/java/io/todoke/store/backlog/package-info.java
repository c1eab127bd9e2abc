@NullMarked
package io.todoke.store.backlog;

import org.jspecify.annotations.NullMarked;
