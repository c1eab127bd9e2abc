@NullMarked
package io.todoke.ocr.normalise;

import org.jspecify.annotations.NullMarked;
