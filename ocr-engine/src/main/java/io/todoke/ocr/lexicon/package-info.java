@NullMarked
package io.todoke.ocr.lexicon;

import org.jspecify.annotations.NullMarked;
