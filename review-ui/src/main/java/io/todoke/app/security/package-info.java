@NullMarked
package io.todoke.app.security;

import org.jspecify.annotations.NullMarked;
