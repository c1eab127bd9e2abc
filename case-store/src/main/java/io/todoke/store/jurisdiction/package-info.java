@NullMarked
package io.todoke.store.jurisdiction;

import org.jspecify.annotations.NullMarked;
