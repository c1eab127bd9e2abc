@NullMarked
package io.todoke.app.admin;

import org.jspecify.annotations.NullMarked;
