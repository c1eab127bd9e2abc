@NullMarked
package io.todoke.store.fax;

import org.jspecify.annotations.NullMarked;
