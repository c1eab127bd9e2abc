package io.todoke.tools.rendered;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/** The fonts of the rendered path and their split into calibration and evaluation groups ({@code fonts.tsv}). */
public final class RenderedFonts {

    /** A font family as Chromium finds it through fontconfig. */
    public record Font(String family, String debianPackage, boolean handwriting, Role role) {
    }

    private final List<Font> fonts;

    private RenderedFonts(List<Font> fonts) {
        this.fonts = List.copyOf(fonts);
    }

    public static RenderedFonts load() {
        List<Font> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                RenderedFonts.class.getResourceAsStream("fonts.tsv")), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t");
                out.add(new Font(c[0], c[1], c[2].equals("handwriting"), Role.parse(c[3])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RenderedFonts(out);
    }

    public List<Font> all() {
        return fonts;
    }

    public List<Font> of(Role role, boolean handwriting) {
        return fonts.stream().filter(f -> f.role() == role && f.handwriting() == handwriting).toList();
    }

    public Font pick(Random rnd, Role role, boolean handwriting) {
        List<Font> group = of(role, handwriting);
        return group.get(rnd.nextInt(group.size()));
    }

    /** The Debian packages of all fonts, for install-deps.sh and a test that keeps the two in step. */
    public List<String> packages() {
        return fonts.stream().map(Font::debianPackage).distinct().sorted().toList();
    }
}
