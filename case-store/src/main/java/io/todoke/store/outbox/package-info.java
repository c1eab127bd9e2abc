@NullMarked
package io.todoke.store.outbox;

import org.jspecify.annotations.NullMarked;
