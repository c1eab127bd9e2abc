@NullMarked
package io.todoke.app.forms;

import org.jspecify.annotations.NullMarked;
