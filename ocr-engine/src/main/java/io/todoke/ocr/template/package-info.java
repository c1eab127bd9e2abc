@NullMarked
package io.todoke.ocr.template;

import org.jspecify.annotations.NullMarked;
