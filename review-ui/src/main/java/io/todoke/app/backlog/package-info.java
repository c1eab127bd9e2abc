@NullMarked
package io.todoke.app.backlog;

import org.jspecify.annotations.NullMarked;
