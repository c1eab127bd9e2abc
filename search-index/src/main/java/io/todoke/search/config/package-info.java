@NullMarked
package io.todoke.search.config;

import org.jspecify.annotations.NullMarked;
