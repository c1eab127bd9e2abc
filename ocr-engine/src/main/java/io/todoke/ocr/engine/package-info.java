@NullMarked
package io.todoke.ocr.engine;

import org.jspecify.annotations.NullMarked;
