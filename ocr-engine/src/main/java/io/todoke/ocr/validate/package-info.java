@NullMarked
package io.todoke.ocr.validate;

import org.jspecify.annotations.NullMarked;
