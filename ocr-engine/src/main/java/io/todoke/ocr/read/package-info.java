@NullMarked
package io.todoke.ocr.read;

import org.jspecify.annotations.NullMarked;
