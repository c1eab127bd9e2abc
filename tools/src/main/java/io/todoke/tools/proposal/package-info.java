@NullMarked
package io.todoke.tools.proposal;

import org.jspecify.annotations.NullMarked;
