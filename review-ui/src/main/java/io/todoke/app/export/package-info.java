@NullMarked
package io.todoke.app.export;

import org.jspecify.annotations.NullMarked;
