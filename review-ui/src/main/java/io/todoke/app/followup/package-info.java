@NullMarked
package io.todoke.app.followup;

import org.jspecify.annotations.NullMarked;
