@NullMarked
package io.todoke.ocr.align;

import org.jspecify.annotations.NullMarked;
