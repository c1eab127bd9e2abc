@NullMarked
package io.todoke.ocr.marks;

import org.jspecify.annotations.NullMarked;
