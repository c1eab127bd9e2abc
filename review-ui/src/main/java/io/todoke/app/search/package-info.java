@NullMarked
package io.todoke.app.search;

import org.jspecify.annotations.NullMarked;
