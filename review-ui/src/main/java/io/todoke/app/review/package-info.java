@NullMarked
package io.todoke.app.review;

import org.jspecify.annotations.NullMarked;
