@NullMarked
package io.todoke.ocr;

import org.jspecify.annotations.NullMarked;
