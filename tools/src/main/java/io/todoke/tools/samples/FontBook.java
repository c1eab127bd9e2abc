package io.todoke.tools.samples;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fonts samples are written in, loaded from the files of Debian font packages (not by family name, so a font
 * missing from the machine is a clear error instead of a silent fallback to some other face).
 */
public final class FontBook {

    /** A font file of a Debian package. */
    public record Face(String name, String debianPackage, String file, String family, boolean handwriting) {
    }

    public static final List<Face> PRINT = List.of(
            new Face("IPAexGothic", "fonts-ipaexfont-gothic", "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf", null, false),
            new Face("IPAexMincho", "fonts-ipaexfont-mincho", "/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf", null, false),
            new Face("IPAGothic", "fonts-ipafont-gothic", "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf", null, false),
            new Face("IPAMincho", "fonts-ipafont-mincho", "/usr/share/fonts/opentype/ipafont-mincho/ipam.ttf", null, false),
            new Face("NotoSansCJKjp", "fonts-noto-cjk", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "Noto Sans CJK JP", false));

    public static final List<Face> HANDWRITING = List.of(
            new Face("KleeOne", "fonts-klee", "/usr/share/fonts/truetype/klee/KleeOne-Regular.ttf", null, true),
            new Face("KleeOneSemiBold", "fonts-klee", "/usr/share/fonts/truetype/klee/KleeOne-SemiBold.ttf", null, true),
            new Face("Kiloji", "fonts-kiloji", "/usr/share/fonts/truetype/kiloji/kiloji.ttf", null, true));

    /** The face of the blank form's printed labels (render_form.py prints them in IPAex Mincho). */
    public static final Face FORM = PRINT.get(1);

    /** Where a handwriting face lacks a glyph (kiloji has few kanji), the character is written in this one. */
    public static final Face FALLBACK = HANDWRITING.get(0);

    private static final Map<String, Font> LOADED = new ConcurrentHashMap<>();

    private FontBook() {
    }

    public static Face face(String name) {
        return java.util.stream.Stream.concat(PRINT.stream(), HANDWRITING.stream())
                .filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown font " + name));
    }

    /** The face at size 1 (callers derive the size they need). */
    public static Font font(Face face) {
        return LOADED.computeIfAbsent(face.name(), n -> load(face));
    }

    public static boolean available(Face face) {
        return Files.isRegularFile(Path.of(face.file()));
    }

    private static Font load(Face face) {
        Path file = Path.of(face.file());
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("font file " + file + " missing: install the Debian package "
                    + face.debianPackage());
        }
        try {
            for (Font f : Font.createFonts(file.toFile())) {
                if (face.family() == null || face.family().equals(f.getFamily(java.util.Locale.ROOT))) {
                    return f.deriveFont(1f);
                }
            }
            throw new IllegalStateException("no family " + face.family() + " in " + file);
        } catch (FontFormatException e) {
            throw new IllegalStateException("cannot load font " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
