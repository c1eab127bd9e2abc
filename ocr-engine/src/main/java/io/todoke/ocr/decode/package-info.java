@NullMarked
package io.todoke.ocr.decode;

import org.jspecify.annotations.NullMarked;
