package io.todoke.ocr.engine;

import io.todoke.ocr.DecodeLimits;

import java.nio.file.Path;

/**
 * Settings of the engine, with defaults that work on a Debian machine with tesseract-ocr-jpn installed.
 *
 * @param tessdata     Tesseract's traineddata directory
 * @param templates    directory of form templates (or one template's directory)
 * @param pxPerMm      working resolution; 8 px/mm (203 dpi) matches fax resolution and Tesseract's liking
 * @param limits       what a file may declare (bytes, pages, page size) before anything is decoded
 * @param stepsOff     the reader's steps switched off by name ({@link io.todoke.ocr.steps.Steps#names()}); none by
 *                     default, or those of the {@code todoke.steps.off} system property (comma-separated), which the
 *                     ablation benchmark sets
 */
public record EngineConfig(Path tessdata, Path templates, double pxPerMm, DecodeLimits limits,
                           java.util.Set<String> stepsOff) {

    public EngineConfig {
        stepsOff = java.util.Set.copyOf(stepsOff);
    }

    public EngineConfig(Path tessdata, Path templates, double pxPerMm, DecodeLimits limits) {
        this(tessdata, templates, pxPerMm, limits, defaultStepsOff());
    }

    public static final Path DEFAULT_TESSDATA = Path.of("/usr/share/tesseract-ocr/5/tessdata");
    public static final Path DEFAULT_TEMPLATES = Path.of("config/forms");

    /**
     * Defaults: Debian's tessdata; templates from the {@code todoke.templates} system property, else
     * {@code config/forms} of the working directory or of its parent (a module directory of the repository).
     */
    public static EngineConfig defaults() {
        return new EngineConfig(DEFAULT_TESSDATA, defaultTemplates(), 8.0, DecodeLimits.DEFAULTS);
    }

    static java.util.Set<String> defaultStepsOff() {
        String property = System.getProperty("todoke.steps.off", "");
        return java.util.Arrays.stream(property.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    static Path defaultTemplates() {
        String property = System.getProperty("todoke.templates");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        Path parent = Path.of("..").resolve(DEFAULT_TEMPLATES);
        return !java.nio.file.Files.isDirectory(DEFAULT_TEMPLATES) && java.nio.file.Files.isDirectory(parent) ? parent : DEFAULT_TEMPLATES;
    }

    public EngineConfig withTessdata(Path p) {
        return new EngineConfig(p, templates, pxPerMm, limits, stepsOff);
    }

    public EngineConfig withTemplates(Path p) {
        return new EngineConfig(tessdata, p, pxPerMm, limits, stepsOff);
    }

    public EngineConfig withLimits(DecodeLimits l) {
        return new EngineConfig(tessdata, templates, pxPerMm, l, stepsOff);
    }

    public EngineConfig withStepsOff(java.util.Set<String> off) {
        return new EngineConfig(tessdata, templates, pxPerMm, limits, off);
    }
}
