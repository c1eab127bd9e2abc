@NullMarked
package io.todoke.ocr.steps;

import org.jspecify.annotations.NullMarked;
