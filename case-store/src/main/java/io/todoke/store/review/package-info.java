@NullMarked
package io.todoke.store.review;

import org.jspecify.annotations.NullMarked;
