@NullMarked
package io.todoke.app.statistics;

import org.jspecify.annotations.NullMarked;
