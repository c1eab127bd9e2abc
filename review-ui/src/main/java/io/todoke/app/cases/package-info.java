@NullMarked
package io.todoke.app.cases;

import org.jspecify.annotations.NullMarked;
