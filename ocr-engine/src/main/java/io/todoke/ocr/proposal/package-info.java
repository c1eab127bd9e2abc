@NullMarked
package io.todoke.ocr.proposal;

import org.jspecify.annotations.NullMarked;
