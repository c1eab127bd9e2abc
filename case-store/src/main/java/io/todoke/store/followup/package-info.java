@NullMarked
package io.todoke.store.followup;

import org.jspecify.annotations.NullMarked;
