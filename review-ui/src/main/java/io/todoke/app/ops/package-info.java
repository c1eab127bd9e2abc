@NullMarked
package io.todoke.app.ops;

import org.jspecify.annotations.NullMarked;
