@NullMarked
package io.todoke.ocr.cli;

import org.jspecify.annotations.NullMarked;
