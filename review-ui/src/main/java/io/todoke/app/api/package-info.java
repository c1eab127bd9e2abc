@NullMarked
package io.todoke.app.api;

import org.jspecify.annotations.NullMarked;
