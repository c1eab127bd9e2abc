@NullMarked
package io.todoke.ocr.image;

import org.jspecify.annotations.NullMarked;
