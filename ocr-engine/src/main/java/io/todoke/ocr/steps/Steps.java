package io.todoke.ocr.steps;

import io.todoke.ocr.template.FieldType;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The reader's steps, declared here and nowhere else: one list per text field type, in the order they run, and the
 * form's steps before and after its rules are checked. Any step but the format check can be switched off by name
 * ({@code todoke.steps.off}, {@link io.todoke.ocr.engine.EngineConfig#stepsOff()}); the ablation benchmark switches
 * each off in turn.
 */
public final class Steps {

    private static final FieldStep FORMAT_ALTERNATIVES = new FormatAlternatives();
    private static final FieldStep RESCUE_BY_SCALE = new RescueByScale();
    private static final FieldStep FUSE_READINGS = new FuseReadings();
    private static final FieldStep TOWN_AMONG_READINGS = new TownAmongReadings();
    private static final FieldStep FORMAT = new FormatCheck();
    private static final FieldStep CONFUSABLE = new ConfusableCharacters();
    private static final FieldStep REPAIRED_ADDRESS = new RepairedAddress();
    private static final FieldStep CHECK_READING = new CheckReading();
    private static final FieldStep SETTLE = new SettleByThirdReading();
    private static final FieldStep EIGHT_OR_THREE = new EightOrThree();
    private static final FieldStep KNOWN_NAME = new KnownNameAmongReadings();
    private static final FieldStep NAME_BY_GLYPH = new NameByGlyph();
    private static final FieldStep LATIN_TERMS = new LatinTermSpelling();
    private static final FieldStep VOICING = new VoicingByGrammar();
    private static final FieldStep UNKNOWN_TOWN = new UnknownTown();
    private static final FieldStep ADDRESS_SHAPE = new AddressShape();
    private static final FieldStep GAP = new GapInText();
    private static final FieldStep DIGIT_SHAPES = new DigitShapes();
    private static final FieldStep AGREEMENT = new AgreementOfReadings();
    private static final List<GlyphMend> GLYPH_MENDS = List.of(WordsByGlyph.WORDS, WordsByGlyph.WARD, WordsByGlyph.TOWN,
            WordsByGlyph.VOCABULARY);
    /** Stands for {@link WordsByGlyph} in the lists below; made with the parts not switched off. */
    private static final FieldStep GLYPH_MENDING = new WordsByGlyph(GLYPH_MENDS);

    private static final List<FieldStep> FORMATTED = List.of(FORMAT_ALTERNATIVES, RESCUE_BY_SCALE, FORMAT, CONFUSABLE,
            CHECK_READING, SETTLE, EIGHT_OR_THREE, DIGIT_SHAPES, AGREEMENT);
    private static final Map<FieldType, List<FieldStep>> BY_TYPE = new EnumMap<>(Map.of(
            FieldType.DATE, FORMATTED,
            FieldType.PHONE, FORMATTED,
            FieldType.INTEGER, FORMATTED,
            FieldType.TEXT, List.of(FUSE_READINGS, FORMAT, CONFUSABLE, CHECK_READING, KNOWN_NAME, NAME_BY_GLYPH,
                    GLYPH_MENDING, LATIN_TERMS, VOICING, GAP, AGREEMENT),
            FieldType.ADDRESS, List.of(FUSE_READINGS, TOWN_AMONG_READINGS, FORMAT, CONFUSABLE, REPAIRED_ADDRESS,
                    CHECK_READING, GLYPH_MENDING, UNKNOWN_TOWN, ADDRESS_SHAPE, AGREEMENT),
            FieldType.KANA, List.of(FUSE_READINGS, FORMAT, CONFUSABLE, CHECK_READING, AGREEMENT)));

    private static final List<FormStep> BEFORE_RULES = List.of(new NameByFurigana(), new NameAgreementNeedsFurigana(),
            new FuriganaByName(), new FuriganaAgreementNeedsName(), new ReconcileWithRules());
    private static final List<FormStep> AFTER_RULES = List.of(new AgesByDates());

    private final Set<String> off;
    private final Map<FieldType, List<FieldStep>> byType = new EnumMap<>(FieldType.class);
    private final List<FormStep> beforeRules;
    private final List<FormStep> afterRules;

    /** Every step, but those named in {@code off} (unknown names are refused: a typo must not keep a step on). */
    public Steps(Set<String> off) {
        Set<String> unknown = new LinkedHashSet<>(off);
        unknown.removeAll(names());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown reader steps: " + unknown + "; known: " + names());
        }
        this.off = Set.copyOf(off);
        List<GlyphMend> mends = GLYPH_MENDS.stream().filter(m -> !off.contains(m.name())).toList();
        FieldStep glyphs = new WordsByGlyph(mends);
        BY_TYPE.forEach((type, steps) -> byType.put(type, steps.stream()
                .map(s -> s == GLYPH_MENDING ? mends.isEmpty() ? null : glyphs : s)
                .filter(s -> s != null && (s == FORMAT || !off.contains(s.name()))).toList()));
        this.beforeRules = BEFORE_RULES.stream().filter(s -> !off.contains(s.name())).toList();
        this.afterRules = AFTER_RULES.stream().filter(s -> !off.contains(s.name())).toList();
    }

    public static Steps all() {
        return new Steps(Set.of());
    }

    /** The steps of a text field of the type, in order (none for marks). */
    public List<FieldStep> forType(FieldType type) {
        return byType.getOrDefault(type, List.of());
    }

    public List<FormStep> beforeRules() {
        return beforeRules;
    }

    public List<FormStep> afterRules() {
        return afterRules;
    }

    public Set<String> off() {
        return off;
    }

    /** The names of the steps that can be switched off, in the order they first run. */
    public static List<String> names() {
        Set<String> names = new LinkedHashSet<>();
        Stream.of(FieldType.values()).flatMap(t -> BY_TYPE.getOrDefault(t, List.of()).stream()).forEach(s -> {
            if (s == GLYPH_MENDING) {
                GLYPH_MENDS.forEach(m -> names.add(m.name()));
            } else if (s != FORMAT) {
                names.add(s.name());
            }
        });
        Stream.concat(BEFORE_RULES.stream(), AFTER_RULES.stream()).forEach(s -> names.add(s.name()));
        return new ArrayList<>(names);
    }
}
