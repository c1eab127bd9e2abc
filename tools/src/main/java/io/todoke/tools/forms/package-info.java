@NullMarked
package io.todoke.tools.forms;

import org.jspecify.annotations.NullMarked;
