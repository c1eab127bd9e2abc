@NullMarked
package io.todoke.search.analysis.plugin;

import org.jspecify.annotations.NullMarked;
