package io.todoke.ocr.engine;

import io.todoke.ocr.FieldReading;
import io.todoke.ocr.FieldStatus;
import io.todoke.ocr.FormReading;
import io.todoke.ocr.PixelBox;
import io.todoke.ocr.align.AlignedPage;
import io.todoke.ocr.align.BlankForm;
import io.todoke.ocr.image.Gray;
import io.todoke.ocr.marks.MarkDetector;
import io.todoke.ocr.marks.MarkReading;
import io.todoke.ocr.normalise.Addresses;
import io.todoke.ocr.normalise.FieldNormaliser;
import io.todoke.ocr.normalise.JapaneseText;
import io.todoke.ocr.normalise.LatinTerms;
import io.todoke.ocr.normalise.Normalised;
import io.todoke.ocr.lexicon.Grammar;
import io.todoke.ocr.lexicon.KanaDistance;
import io.todoke.ocr.lexicon.Lexicon;
import io.todoke.ocr.lexicon.PersonNames;
import io.todoke.ocr.read.CharacterCells;
import io.todoke.ocr.read.ConstrainedDecoding;
import io.todoke.ocr.read.DigitShapes;
import io.todoke.ocr.read.GlyphMatcher;
import io.todoke.ocr.read.OcrText;
import io.todoke.ocr.read.PlaceChoice;
import io.todoke.ocr.read.NameByReading;
import io.todoke.ocr.read.TownChoice;
import io.todoke.ocr.read.VocabularyChoice;
import io.todoke.ocr.read.ReadingChoice;
import io.todoke.ocr.read.ReadingFusion;
import io.todoke.ocr.read.TesseractEngine;
import io.todoke.ocr.read.TextLayerReader;
import io.todoke.ocr.read.ThreeOrEight;
import io.todoke.ocr.read.WordRepair;
import io.todoke.ocr.read.ZoneReader;
import io.todoke.ocr.read.ZoneText;
import io.todoke.ocr.template.OcrSettings;
import io.todoke.ocr.template.FieldSpec;
import io.todoke.ocr.template.FieldType;
import io.todoke.ocr.template.FormTemplate;
import io.todoke.ocr.template.LexiconSource;
import io.todoke.ocr.template.MmBox;
import io.todoke.ocr.template.NameDictionary;
import io.todoke.ocr.template.OptionSpec;
import io.todoke.ocr.template.Rule;
import io.todoke.ocr.template.Thresholds;
import io.todoke.ocr.validate.FormValidator;
import io.todoke.ocr.validate.Violation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/** Reads every field of one aligned form page, then checks the form's cross-field rules. */
public final class FormPageReader {

    static final String MSG_REQUIRED = "必須項目が空欄です";
    static final String MSG_ILLEGIBLE = "記入がありますが読み取れません";
    static final String MSG_LOW = "読み取りの確信度が低いため確認してください";
    static final String MSG_CONFUSABLE = "読み誤りやすい文字を含むため確認してください";
    static final String MSG_SECOND_READ = "読み取り結果が一定しません（文字を確認してください）";
    static final String MSG_AMBIGUOUS_MARK = "チェックがはっきりしない選択肢があります";
    static final String MSG_MANY = "複数の選択肢にチェックがあります";
    static final String MSG_NAME_BY_GLYPH = "氏名辞書と字形から読み替えました（確認してください）";
    static final String MSG_WORD_BY_GLYPH = "辞書の語と字形から一部の文字を読み替えました（確認してください）";
    static final String MSG_TERM = "英字の用語（SpO2 など）の綴りに直しました（確認してください）";
    static final String MSG_NAME_BY_KANA = "ふりがなの読みと字形から氏名を読み替えました（確認してください）";
    static final String MSG_KANA_UNVOUCHED = "ふりがなを氏名の読みで確かめられないため確認してください";
    static final String MSG_NAME_UNVOUCHED = "氏名の読みがふりがなと一致しないため確認してください";
    static final String MSG_KANA_BY_NAME = "氏名の読みに合わせて直しました（確認してください）";
    static final String MSG_RECONCILED = "他の項目と矛盾していたため、矛盾しない読み方に直しました（確認してください）";
    static final String MSG_ADDRESS_REPAIRED = "住所の一部（丁目・番・号など）を補って読みました（確認してください）";
    static final String MSG_UNKNOWN_TOWN = "町名が郵便番号データのどの町名とも一致しません（確認してください）";
    static final String MSG_NOT_AN_ADDRESS = "住所の形（市区町村・番地）になっておらず「同上」などでもありません（確認してください）";
    static final String MSG_VOICING = "濁点・半濁点の有無を前後の語から読み替えました（確認してください）";
    static final String MSG_GAP = "文字の間の空白に記号（：・など）が抜けている場合があるため確認してください";
    static final String MSG_DIGIT_SHAPE = "「8」の左側が開いており「3」の可能性があるため確認してください";
    static final String MSG_LAYER_NO_INK = "PDFの文字情報がありますが画像に記入が見当たりません";

    /** A text layer's value: exact where it is there, short of certain only by the page's alignment. */
    static final double TYPED_CONFIDENCE = 1.0;

    /** Cell borders may sit up to about half a millimetre off after registration; writing starts well inside. */
    static final double ZONE_INSET_MM = 0.8;

    /** Candidates tried among the recogniser's alternatives before a reading is taken as it is. */
    static final int DECODING_BUDGET = 200;
    /** Scale (relative to the first reading) of the reading that confirms a value rescued by the enlarged one. */
    static final double RESCUE_CHECK_SCALE = 2.0;
    /**
     * Scale of the reading that settles a formatted value where two readings differ: smaller than both, whose
     * mistakes differ most (the first reading and the enlarged one both dropped or mistook the 0 of 10月 where a
     * reduced one kept it).
     */
    static final double SETTLING_SCALE = 0.8;
    /** How far below its type's acceptance a formatted value's confidence may be and still get settling readings. */
    static final double SETTLING_BAND = 0.125;
    private static final GlyphMatcher GLYPHS = new GlyphMatcher(GlyphMatcher.DEBIAN_PRINT_FONTS);
    private static final DigitShapes DIGITS = new DigitShapes(GlyphMatcher.DEBIAN_PRINT_FONTS);

    /** Values per reading tried when the form's rules object to a field. */
    static final int RECONCILE_OPTIONS = 4;
    /** A value tried against the form's rules must have been read at least this surely. */
    static final double RECONCILE_MIN_CONFIDENCE = 0.5;

    private final FormTemplate template;
    private final BlankForm blank;
    private final Map<String, List<Rule>> ownRules;
    private final NameDictionary names;
    private final PersonNames personNames;
    private final Lexicon lexicon;
    private final boolean mendByShape;
    private final Map<String, List<String>> wards;
    /** Test hook: see {@link TodokeEngine#beforeEachZone}. */
    private volatile Runnable beforeEachZone = () -> { };
    private final List<String> terms;
    private final Map<String, List<String>> vocabularies;
    private final Map<Character, String> lookAlikes;
    private final Map<String, List<String>> towns;
    private final Grammar grammar;
    /** Each furigana field's name field, from the template's {@code names.fields}. */
    private final Map<String, String> nameOfKana;

    /**
     * A kana's voicing mark is mended where the text costs the grammar this much less with it changed: on seven
     * generated sets every misread mark cost 4,750 to 10,500 more, and no right text was within reach at 1,500.
     */
    static final long VOICING_MARGIN = 3_000;

    public FormPageReader(FormTemplate template, BlankForm blank) {
        this.template = template;
        this.blank = blank;
        this.ownRules = ownRules(template);
        this.names = template.names();
        Map<String, String> kanaNames = new java.util.HashMap<>();
        names.fields().forEach((nameKey, kanaKey) -> {
            if (!kanaKey.isEmpty()) {
                kanaNames.put(kanaKey, nameKey);
            }
        });
        this.nameOfKana = Map.copyOf(kanaNames);
        this.personNames = names.dictionary() == null ? PersonNames.NONE : PersonNames.load(names.dictionary(), names.encoding());
        LexiconSource words = template.lexicon();
        this.lexicon = words.directory() == null ? Lexicon.NONE : Lexicon.load(words.directory(), words.encoding());
        this.mendByShape = words.mendByShape() && !lexicon.isEmpty();
        this.wards = words.wards();
        this.terms = words.terms();
        this.vocabularies = words.vocabularies();
        this.lookAlikes = words.lookAlikes();
        this.towns = words.towns();
        this.grammar = words.grammarCheck() && words.directory() != null
                ? Grammar.load(words.directory(), words.encoding()) : Grammar.NONE;
    }

    /**
     * A doubtful name whose furigana, read in its own cell, spells another known name of the same length a character
     * or two away, where the print fits that name's characters: the name the furigana spells is shown, for a clerk to
     * confirm. The two cells are read apart, so a kanji misread for its look-alike (土田 for 上田) rarely has its
     * reading misread to match.
     */
    private void chooseNamesByReading(Map<String, Draft> drafts, Thresholds th, double alignment) {
        names.fields().forEach((nameKey, kanaKey) -> {
            Draft name = drafts.get(nameKey);
            Draft kana = drafts.get(kanaKey);
            if (kanaKey.isEmpty() || name == null || kana == null || name.zone() == null || !names.glyphCheck()
                    || !(name.value() instanceof String) || !(kana.value() instanceof String k)
                    || FieldScoring.confidence(name.confidence(), alignment) >= th.okFor(name.spec().type())
                    && name.doubts().isEmpty() && name.problems().isEmpty()) {
                return;
            }
            String mended = NameByReading.choose(name.raw(), CharacterCells.shapes(name.zone().lines(), name.raw()), k,
                    personNames, GLYPHS);
            Normalised n = FieldNormaliser.normalise(name.spec().type(), mended);
            if (!mended.equals(name.raw()) && n.valid() && n.value() instanceof String v && personNames.known(v)) {
                name.doubts().add(MSG_NAME_BY_KANA);
                drafts.put(nameKey, new Draft(name.spec(), v, mended, Math.min(name.confidence(),
                        ReadingFusion.DISAGREEMENT_CAP), name.problems(), name.doubts(), name.typed(), name.alternatives(),
                        name.zone()));
            }
        });
    }

    /**
     * A name accepted on its readings' agreement keeps that only where its furigana, as read in its own cell before
     * anything is mended to fit, is one of the name's readings or was not written: a kanji misread for a look-alike
     * in every reading (太田 as 玉田) is a known name all the same, but not one that reads オオタ.
     */
    private void namesAgreedOnlyWhereTheirFuriganaReadsSo(Map<String, Draft> drafts) {
        names.fields().forEach((nameKey, kanaKey) -> {
            Draft name = drafts.get(nameKey);
            Draft kana = kanaKey.isEmpty() ? null : drafts.get(kanaKey);
            if (name == null || !name.agreed() || kana == null || isEmpty(kana.value())) {
                return;
            }
            if (!(kana.value() instanceof String k)
                    || !readingsOf((String) name.value()).contains(k.replaceAll("\\s+", ""))) {
                name.doubts().add(MSG_NAME_UNVOUCHED);
                drafts.put(nameKey, name.withoutAgreement());
            }
        });
    }

    /** A known name's dictionary readings, family and given reading run together as furigana is compared. */
    private Set<String> readingsOf(String name) {
        Set<String> readings = new java.util.HashSet<>();
        personNames.readings(name).forEach(r -> readings.add(r.replace(" ", "")));
        return readings;
    }

    /**
     * A name's furigana read two ways: the reading the dictionary gives for the name as read is the one shown
     * (ツ/ッ, ザ/サ are the recogniser's typical confusions, and the dictionary knows which the name has).
     */
    private void chooseReadingsByName(Map<String, Draft> drafts) {
        names.fields().forEach((nameKey, kanaKey) -> {
            Draft name = drafts.get(nameKey);
            Draft kana = drafts.get(kanaKey);
            if (kanaKey.isEmpty() || name == null || kana == null || !(name.value() instanceof String n)
                    || !(kana.value() instanceof String k)) {
                return;
            }
            Set<String> readings = readingsOf(n);
            if (readings.isEmpty() || readings.contains(k.replace(" ", ""))) {
                return;
            }
            for (String alt : kana.alternatives()) {
                Normalised an = FieldNormaliser.normalise(FieldType.KANA, alt);
                if (an.valid() && an.value() instanceof String a && readings.contains(a.replace(" ", ""))) {
                    drafts.put(kanaKey, kana.withValue(a, alt));
                    return;
                }
            }
            // no reading spelled it: a voicing mark lost or gained (シミス for シミズ) or one kana too many or too few
            // is the recogniser's usual slip, and the one reading of the name that close is what was written
            String near = KanaDistance.onlyNear(k, personNames.readings(n), 1.0);
            if (near != null && kana.zone() != null && !otherNamesReading(personNames, k, near)) {
                kana.doubts().add(MSG_KANA_BY_NAME);
                drafts.put(kanaKey, kana.withValue(near, kana.raw()));
            }
        });
    }

    /**
     * Furigana accepted on its readings' agreement only where the name beside it, as read, has it for a reading and has
     * no other reading a fax could blur it into. Three readings of a furigana can lose one voicing mark alike
     * (ヤマザキ read ヤマサキ at 0.987 by all three); the name's cell, read apart, rarely has a kanji misread into one
     * that reads so, except where the dictionary lists both (山崎: ヤマザキ and ヤマサキ), which is what is refused here.
     * A kana field that is nobody's furigana is not accepted on agreement at all.
     */
    private void furiganaAgreedOnlyWhereItsNameReadsSo(Map<String, Draft> drafts) {
        drafts.replaceAll((key, d) -> {
            if (!d.agreed() || d.spec().type() != FieldType.KANA) {
                return d;
            }
            Draft name = nameOfKana.containsKey(key) ? drafts.get(nameOfKana.get(key)) : null;
            // a name chosen by its furigana's reading proves nothing of the furigana
            boolean corroborated = name != null && name.value() instanceof String n && d.value() instanceof String k
                    && !name.doubts().contains(MSG_NAME_BY_KANA) && soleReadingOfItsKind(personNames.readings(n), k);
            if (corroborated) {
                return d;
            }
            d.doubts().add(MSG_KANA_UNVOUCHED);
            return d.withoutAgreement();
        });
    }

    /**
     * Whether {@code kana} is one of a name's {@code readings} and no other of them differs from it only in kana a fax
     * confuses (a voicing mark, a small kana, シ/ツ, ソ/ン).
     */
    static boolean soleReadingOfItsKind(java.util.Collection<String> readings, String kana) {
        String read = kana.replaceAll("\\s+", "");
        boolean listed = false;
        for (String r : readings) {
            String other = r.replaceAll("\\s+", "");
            if (other.equals(read)) {
                listed = true;
            } else if (KanaDistance.confusable(other, read)) {
                return false;
            }
        }
        return listed;
    }

    /**
     * Whether a furigana part that {@code near} makes a kana longer or shorter is, as read, the reading of another
     * known name of its kind: then the name's characters may be what was misread (結菜 read as 結衣, 由美子 as 由美,
     * the furigana ユイナ, ユミコ read right), and shortening the furigana to fit them would break a right value.
     */
    static boolean otherNamesReading(PersonNames names, String read, String near) {
        String[] r = read.strip().split("\\s+");
        String[] m = near.strip().split("\\s+");
        if (r.length != 2 || m.length != 2) {
            return false;
        }
        for (int i = 0; i < 2; i++) {
            if (r[i].length() != m[i].length() && !names.spelledAs(r[i], i == 0).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A field before cross-field checks; {@code typed} when it was taken from the PDF's text layer,
     * {@code alternatives} other texts its readings allow (raw), {@code zone} its writing as read (null for marks and
     * typed text), for another look when the form's rules object; {@code agreed} when every reading made the value
     * surely enough for it to be accepted on that (see {@code agreement}), or accepted fields vouch for it (see
     * {@code agesVouchedForByTheirDates}).
     */
    private record Draft(FieldSpec spec, Object value, String raw, double confidence, Set<String> problems, Set<String> doubts,
                         boolean typed, List<String> alternatives, ZoneText zone, boolean agreed) {
        Draft(FieldSpec spec, Object value, String raw, double confidence, Set<String> problems, Set<String> doubts) {
            this(spec, value, raw, confidence, problems, doubts, false, List.of(), null, false);
        }

        Draft(FieldSpec spec, Object value, String raw, double confidence, Set<String> problems, Set<String> doubts,
              boolean typed) {
            this(spec, value, raw, confidence, problems, doubts, typed, List.of(), null, false);
        }

        Draft(FieldSpec spec, Object value, String raw, double confidence, Set<String> problems, Set<String> doubts,
              boolean typed, List<String> alternatives, ZoneText zone) {
            this(spec, value, raw, confidence, problems, doubts, typed, alternatives, zone, false);
        }

        /** The same value, no longer accepted on its readings' agreement. */
        Draft withoutAgreement() {
            return new Draft(spec, value, raw, confidence, problems, doubts, typed, alternatives, zone, false);
        }

        /** Another value: one its readings did not all make, so no longer accepted on their agreement. */
        Draft withValue(Object newValue, String newRaw) {
            return new Draft(spec, newValue, newRaw, confidence, problems, doubts, typed, alternatives, zone, false);
        }

        /** The same value accepted on other fields' word, as sure as they are. */
        Draft vouchedFor(double byConfidence) {
            return new Draft(spec, value, raw, byConfidence, problems, doubts, typed, alternatives, zone, true);
        }
    }

    void beforeEachZone(Runnable hook) {
        this.beforeEachZone = hook;
    }

    /**
     * Reads the page's fields.
     *
     * @throws io.todoke.ocr.ReadingInterruptedException before a zone when the thread is interrupted
     */
    public FormReading read(AlignedPage page, int pageIndex, TesseractEngine engine) {
        Thresholds th = template.thresholds();
        Gray extra = blank.extraInk(page.ink());
        Map<String, Draft> drafts = new LinkedHashMap<>();
        for (FieldSpec f : template.fields()) {
            beforeEachZone.run();
            io.todoke.ocr.ReadingInterruptedException.throwIfInterrupted();
            drafts.put(f.key(), f.type().isMark() ? marks(f, page, extra, th) : text(f, page, extra, th, engine));
        }
        chooseNamesByReading(drafts, th, page.score());
        namesAgreedOnlyWhereTheirFuriganaReadsSo(drafts);
        chooseReadingsByName(drafts);
        furiganaAgreedOnlyWhereItsNameReadsSo(drafts);
        Map<String, Object> values = new LinkedHashMap<>();
        drafts.forEach((k, d) -> values.put(k, d.value()));
        List<Violation> violations = FormValidator.validate(template.rules(), values);
        if (!violations.isEmpty()) {
            violations = reconcile(drafts, values, violations, engine);
        }
        List<String> formMessages = new ArrayList<>();
        for (Violation v : violations) {
            formMessages.add(v.message());
            for (String key : v.fields()) {
                Draft d = drafts.get(key);
                if (d != null && d.value() != null) {
                    d.problems().add(v.message());
                }
            }
        }
        agesVouchedForByTheirDates(drafts, th, page.score());
        Map<String, FieldReading> fields = new LinkedHashMap<>();
        for (Draft d : drafts.values()) {
            boolean blank = isEmpty(d.value());
            if (blank && d.spec().required() && d.problems().isEmpty() && d.doubts().isEmpty()) {
                d.problems().add(MSG_REQUIRED);
            }
            double conf = FieldScoring.confidence(d.confidence(), page.score());
            if (!d.problems().isEmpty()) {
                conf = Math.min(conf, 0.3);
            }
            FieldStatus status = FieldScoring.status(blank, !d.problems().isEmpty(), !d.doubts().isEmpty(), conf,
                    okAt(d, th));
            List<String> messages = new ArrayList<>(d.problems());
            if (status == FieldStatus.LOW_CONFIDENCE) {
                messages.addAll(d.doubts().isEmpty() ? List.of(MSG_LOW) : d.doubts());
            }
            fields.put(d.spec().key(), new FieldReading(d.spec().key(), d.value(), d.raw(), conf, status, pageIndex,
                    box(d.spec().box(), page.pxPerMm()), messages));
        }
        return new FormReading(List.of(pageIndex), template.id(), template.version(), page.score(), fields, formMessages);
    }

    /**
     * The confidence a draft needs to be {@code ok}: a type's threshold above 1 distrusts a single reading of that
     * type; typed text is exact; a value every reading made was held to its own threshold when it was read.
     */
    private static double okAt(Draft d, Thresholds th) {
        return d.agreed() ? 0 : d.typed() ? Math.min(1, th.okFor(d.spec().type())) : th.okFor(d.spec().type());
    }

    private static boolean accepted(Draft d, Thresholds th, double alignment) {
        return FieldScoring.status(isEmpty(d.value()), !d.problems().isEmpty(), !d.doubts().isEmpty(),
                FieldScoring.confidence(d.confidence(), alignment), okAt(d, th)) == FieldStatus.OK;
    }

    /**
     * An age read short of acceptance is accepted where the form's age rule computes it from a birth date and a date
     * that are both accepted themselves, as sure as the less sure of them: an age misread (41 as 1 by all three
     * readings) breaks the rule instead. On fifteen generated sets 120 ages were so and all were right; with either
     * date only doubtful, three wrong ages matched, each one the rules' reconciliation had chosen to fit a wrong birth
     * date. Not where anything holds the age back, such as the reconciliation having chosen it.
     */
    private void agesVouchedForByTheirDates(Map<String, Draft> drafts, Thresholds th, double alignment) {
        for (Rule rule : template.rules()) {
            if (!(rule instanceof Rule.AgeAt r)) {
                continue;
            }
            Draft age = drafts.get(r.age());
            Draft birth = drafts.get(r.birth());
            Draft at = drafts.get(r.at());
            if (age == null || birth == null || at == null || !(age.value() instanceof Number years)
                    || !age.problems().isEmpty() || !age.doubts().isEmpty() || accepted(age, th, alignment)
                    || !accepted(birth, th, alignment) || !accepted(at, th, alignment)) {
                continue;
            }
            java.time.LocalDate born = FormValidator.date(birth.value());
            java.time.LocalDate on = FormValidator.date(at.value());
            if (born != null && on != null && java.time.Period.between(born, on).getYears() == years.longValue()) {
                drafts.put(r.age(), age.vouchedFor(Math.min(birth.confidence(), at.confidence())));
            }
        }
    }

    private Draft text(FieldSpec f, AlignedPage page, Gray extra, Thresholds th, TesseractEngine engine) {
        Draft typed = typed(f, page, extra, th);
        if (typed != null) {
            return typed;
        }
        double alignment = page.score();
        ZoneText z = ZoneReader.read(engine, page.gray(), extra, f.box().inset(ZONE_INSET_MM), page.pxPerMm(), template.ocrFor(f),
                th.emptyInk());
        Set<String> problems = new LinkedHashSet<>();
        Set<String> doubts = new LinkedHashSet<>();
        if (z.empty()) {
            return new Draft(f, null, "", 1.0, problems, doubts);
        }
        if (z.raw().isBlank()) {
            // ink but nothing legible: a clerk must look, never an empty value
            problems.add(MSG_ILLEGIBLE);
            return new Draft(f, null, "", 0, problems, doubts);
        }
        if (constrained(f.type()) && !acceptable(f, z.reading().text())) {
            // the format rejects the reading as it stands: the recogniser's alternatives may mend it
            z = ZoneReader.withAlternatives(engine, z);
        }
        boolean verifiable = z.settings().verifyScale() > 0;
        Interpretation chosen = interpret(f, z.reading());
        boolean rescued = false;
        if (verifiable && constrained(f.type())
                && (!chosen.normalised().valid() || !chosen.raw().equals(z.reading().text()))) {
            // the format rejects the first reading as it stands: an enlarged reading often resolves a broken or
            // merged character (a slash read as 7, a dropped digit), which no substitution among the first
            // reading's characters can (090-633-4105 made valid as 096-633-4105)
            Interpretation second = interpret(f, ZoneReader.verify(engine, z));
            if (!chosen.normalised().valid() && !(second.normalised().valid() && second.normalised().value() != null)) {
                // neither reading makes a value: a reduced one often does (a 年 read as 和 with a stray dash)
                second = interpret(f, ZoneReader.again(engine, z, SETTLING_SCALE));
            }
            if (second.normalised().valid() && second.normalised().value() != null
                    && (!chosen.normalised().valid() || second.confidence() > chosen.confidence())) {
                chosen = second;
                rescued = true;
            }
        }
        boolean fused = false;
        OcrText second = null;
        // readings made on the way, which the agreement below need not make again
        OcrText otherReading = null;
        OcrText enlargedReading = null;
        List<String> ranked = null;
        double first = FieldScoring.confidence(chosen.confidence(), alignment);
        if (!constrained(f.type()) && verifiable && first < Math.min(th.okFor(f.type()), th.secondReadingFor(f.type()))
                && (first < th.secondReadingBelow() || !lexicon.spelledInWords(chosen.raw()))) {
            // a doubtful text goes to a clerk either way, but which reading is shown matters: readings at another
            // scale and by another model, chosen among by agreement and by the words they spell, get many more
            // fields right
            // the other model first: its mistakes differ most from the first reading's, so where the two agree they
            // are right, and only a disagreement needs the third reading to settle it
            OcrText other = ZoneReader.inOtherLanguage(engine, z);
            otherReading = other;
            second = other != null ? other : ZoneReader.verify(engine, z);
            List<OcrText> readings = new ArrayList<>(List.of(z.reading(), second));
            if (other != null && !sameValue(chosen.normalised(), interpret(f, other).normalised())) {
                readings.add(ZoneReader.verify(engine, z));
            }
            ranked = ReadingChoice.ranked(readings, lexicon);
            String shown = ranked.get(0);
            if (f.type() == FieldType.ADDRESS && !towns.isEmpty() && !TownChoice.knownTown(shown, towns)) {
                // the likeliest mix whose town is one of its ward's, as the postal code data lists them: a mix with a
                // town no ward has is wrong however well its readings agree on it
                shown = ranked.stream().filter(r -> TownChoice.knownTown(r, towns)).findFirst().orElse(shown);
            }
            // never surer than the readings were of what they agreed on, and a doubt wherever they did not
            double sure = ReadingFusion.fuse(z.reading(), second).confidence();
            if (!shown.equals(z.reading().text())) {
                sure = Math.min(sure, ReadingFusion.DISAGREEMENT_CAP);
            }
            chosen = new Interpretation(shown, FieldNormaliser.normalise(f.type(), shown), sure);
            fused = true;
        }
        Normalised n = chosen.normalised();
        double conf = chosen.confidence();
        if (!n.valid()) {
            problems.add(n.problem());
        } else if (n.value() == null) {
            // there is writing: a reading that came to nothing must never pass for an empty field
            problems.add(MSG_ILLEGIBLE);
        }
        String confusable = template.reviewChars().getOrDefault(f.type(), "");
        if (n.value() instanceof String v && v.chars().anyMatch(c -> confusable.indexOf(c) >= 0)) {
            conf = Math.min(conf, 0.5);
            doubts.add(MSG_CONFUSABLE);
        }
        if (f.type() == FieldType.ADDRESS && n.valid() && FieldScoring.confidence(conf, alignment) >= th.okFor(f.type())
                && Addresses.repaired(chosen.raw())) {
            // the recogniser was sure of characters the address's structure proves wrong: the rest of the line, read
            // as surely, is no more to be trusted
            conf = Math.min(conf, ReadingFusion.DISAGREEMENT_CAP);
            doubts.add(MSG_ADDRESS_REPAIRED);
        }
        // a further reading only where the value could be accepted: doubtful fields go to a clerk anyway
        boolean couldBeOk = n.valid() && FieldScoring.confidence(conf, alignment) >= th.okFor(f.type());
        // a formatted value read just short of acceptance is most often a repeated digit the recogniser merged (11 read
        // as 1, 22 as 2), which costs the merged character a little confidence: worth the readings that settle it
        boolean nearlyOk = !couldBeOk && constrained(f.type()) && n.valid() && n.value() != null && problems.isEmpty()
                && FieldScoring.confidence(conf, alignment) >= th.okFor(f.type()) - SETTLING_BAND;
        if ((couldBeOk || nearlyOk) && verifiable && !fused) {
            // a rescued value was read enlarged already: the same model confirms it at yet another scale
            Checked c = rescued ? checked(f, ZoneReader.check(engine, z, RESCUE_CHECK_SCALE)) : check(f, z, n, engine);
            if (!rescued) {
                otherReading = c.byKind().get(OcrSettings.Check.OTHER_LANGUAGE);
                enlargedReading = c.byKind().get(OcrSettings.Check.ENLARGED);
            }
            OcrText check = c.reading();
            Normalised checked = c.value();
            if (!sameValue(n, checked)) {
                conf = Math.min(conf, 0.5);
                doubts.add(MSG_SECOND_READ);
                second = rescued ? null : check;
                if (constrained(f.type()) && checked.valid() && checked.value() != null) {
                    // the clerk confirms either way, but shows the value two of three readings make (a dropped digit
                    // in the first reading is the commoner mistake)
                    Interpretation third = interpret(f, ZoneReader.again(engine, z, SETTLING_SCALE));
                    if (sameValue(checked, third.normalised())) {
                        chosen = third;
                        n = third.normalised();
                    }
                }
            }
        }
        if (constrained(f.type()) && verifiable && n.valid() && n.value() != null && problems.isEmpty() && doubts.isEmpty()
                && anEightLooksLikeAThree(z, chosen.raw())) {
            // every reading may make one misread digit alike (a printed 078-670-0377 read 0877 at 0.99 by all three, a
            // standard-mode Mincho 3): where a printed 8 is open on its left as a 3 is, a clerk looks, whether the
            // value was read surely or every reading agrees on it
            conf = Math.min(conf, ReadingFusion.DISAGREEMENT_CAP);
            doubts.add(MSG_DIGIT_SHAPE);
        }
        List<String> alternatives = ranked != null ? ranked : second == null || constrained(f.type()) ? List.of()
                : ReadingFusion.candidates(z.reading(), second);
        boolean nameOfPerson = names.fields().containsKey(f.key());
        boolean nameField = nameOfPerson && !personNames.isEmpty();
        if (nameField && n.value() instanceof String v && !personNames.known(v)) {
            // the readings disagree and the one shown is no known name: take the likeliest mix that is one
            for (String alt : alternatives) {
                Normalised an = FieldNormaliser.normalise(f.type(), alt);
                if (an.value() instanceof String name && personNames.known(name)) {
                    n = an;
                    chosen = new Interpretation(alt, an, chosen.confidence());
                    break;
                }
            }
        }
        // the printed characters of the text shown, cut once for the mending steps below: a name the first step
        // changes is a known name, which the second leaves alone
        List<GlyphMatcher.Shape> shapes = null;
        boolean cut = false;
        if (nameField && names.glyphCheck() && n.value() instanceof String
                && (conf < th.okFor(f.type()) || !doubts.isEmpty())) {
            // a name one character away from a known name, where that name's character fits the print better
            shapes = CharacterCells.shapes(z.lines(), chosen.raw());
            cut = true;
            String mended = shapes == null ? chosen.raw()
                    : WordRepair.repair(chosen.raw(), shapes, WordRepair.names(chosen.raw(), personNames), GLYPHS);
            Normalised mn = FieldNormaliser.normalise(f.type(), mended);
            if (!mended.equals(chosen.raw()) && mn.value() instanceof String name && personNames.known(name)) {
                n = mn;
                chosen = new Interpretation(mended, n, Math.min(chosen.confidence(), ReadingFusion.DISAGREEMENT_CAP));
                conf = Math.min(conf, ReadingFusion.DISAGREEMENT_CAP);
                doubts.add(MSG_NAME_BY_GLYPH);
            }
        }
        if (mendByShape && (f.type() == FieldType.TEXT || f.type() == FieldType.ADDRESS) && n.valid()
                && n.value() instanceof String && (conf < th.okFor(f.type()) || !doubts.isEmpty())
                && !(nameField && personNames.known((String) n.value()))) {
            // a doubtful text goes to a clerk either way: a character no reading got right, mended where a word and
            // the printed shape agree, saves the clerk typing it (a known name is left to the names' own dictionary)
            if (!cut) {
                shapes = CharacterCells.shapes(z.lines(), chosen.raw());
            }
            String mended = shapes == null ? chosen.raw() : WordRepair.repair(chosen.raw(), shapes,
                    WordRepair.withLookAlikes(WordRepair.words(chosen.raw(), lexicon), lookAlikes), GLYPHS);
            if (f.type() == FieldType.ADDRESS && shapes != null) {
                // a ward is one of the city's: one read as none of them is the one the print looks most like
                mended = PlaceChoice.choose(mended, shapes, wards, GLYPHS);
                // and a town is one of the ward's, as the postal code data lists them
                mended = TownChoice.choose(mended, shapes, towns, GLYPHS);
            }
            List<String> usual = vocabularies.getOrDefault(f.key(), List.of());
            if (!usual.isEmpty() && shapes != null && mended.equals(chosen.raw())) {
                mended = VocabularyChoice.choose(mended, shapes, usual, GLYPHS);
            }
            if (!mended.equals(chosen.raw())) {
                n = FieldNormaliser.normalise(f.type(), mended);
                chosen = new Interpretation(mended, n, Math.min(chosen.confidence(), ReadingFusion.DISAGREEMENT_CAP));
                conf = Math.min(conf, ReadingFusion.DISAGREEMENT_CAP);
                doubts.add(MSG_WORD_BY_GLYPH);
            }
        }
        if (f.type() == FieldType.TEXT && n.value() instanceof String v && !terms.isEmpty()) {
            String spelled = LatinTerms.mend(v, terms);
            if (!spelled.equals(v)) {
                n = Normalised.ok(spelled);
                conf = Math.min(conf, ReadingFusion.DISAGREEMENT_CAP);
                doubts.add(MSG_TERM);
            }
        }
        if (f.type() == FieldType.TEXT && !nameField && n.value() instanceof String v) {
            // a voicing mark a fax thinned away or a speck added, the recogniser sure of the kana either way
            // (飲食店ての会食): the grammar is not, so the text goes to a clerk mended
            String voiced = grammar.likelierVoicing(v, VOICING_MARGIN);
            if (voiced != null) {
                n = Normalised.ok(voiced);
                conf = Math.min(conf, ReadingFusion.DISAGREEMENT_CAP);
                doubts.add(MSG_VOICING);
            }
        }
        if (f.type() == FieldType.ADDRESS && n.value() instanceof String v && TownChoice.unknownTown(v, towns)) {
            // a town its ward does not have was misread, however sure the recogniser was of it (or the writer
            // misspelled it): either way a clerk looks
            conf = Math.min(conf, ReadingFusion.DISAGREEMENT_CAP);
            doubts.add(MSG_UNKNOWN_TOWN);
        }
        if (f.type() == FieldType.ADDRESS && n.value() instanceof String v && !Addresses.plausible(v)) {
            // neither an address nor a "same as above": a misread short phrase (同上 read 同よ at 0.99), which no
            // other check can tell from a right one
            conf = Math.min(conf, ReadingFusion.DISAGREEMENT_CAP);
            doubts.add(MSG_NOT_AN_ADDRESS);
        }
        if (f.type() == FieldType.TEXT && !nameOfPerson && n.value() instanceof String v && JapaneseText.hasGapInside(v)) {
            // no reading can see a mark the cleaning took for specks: the gap it leaves is all there is to go on
            conf = Math.min(conf, ReadingFusion.DISAGREEMENT_CAP);
            doubts.add(MSG_GAP);
        }
        // a known name, whose printed characters were cut from the line and compared with every known name a character
        // away above, none fitting clearly better (or it would have been mended and doubted)
        boolean nameMayAgree = cut && shapes != null && n.value() instanceof String nv && personNames.known(nv);
        if (th.acceptsAgreement(f.type()) && (!nameOfPerson || nameMayAgree) && verifiable && problems.isEmpty()
                && doubts.isEmpty()
                && n.valid() && n.value() != null
                && !(!constrained(f.type()) && n.value() instanceof String v && JapaneseText.hasStrayMark(v))
                && FieldScoring.confidence(conf, alignment) < th.okFor(f.type())) {
            // a value just short of acceptance, which the other model and the enlarged reading both read the same: two
            // models at two scales rarely make one mistake alike, except in names (佐々木 大和 read as 大利 by all three
            // at 0.987), which must be known names that no known name's characters fit better, and a patient's must
            // read as its furigana does (namesAgreedOnlyWhereTheirFuriganaReadsSo)
            // the digits' shapes are asked first: they need only the first reading, where agreement may read twice more
            OptionalDouble agreed = constrained(f.type()) && !digitsTellApart(z) ? OptionalDouble.empty()
                    : agreement(f, z, n, otherReading, enlargedReading, alignment, th.agreedOkFor(f.type()), engine);
            if (agreed.isPresent()) {
                return new Draft(f, n.value(), chosen.raw(), agreed.getAsDouble(), problems, doubts, false, alternatives,
                        z, true);
            }
        }
        return new Draft(f, n.value(), chosen.raw(), conf, problems, doubts, false, alternatives, z);
    }

    /**
     * The confidence of a value that the first reading, the other model's reading and the enlarged one all make, each
     * at least {@code atLeast} sure with the page's alignment: the least sure of the three. Empty where one of them
     * makes another value, is less sure, or the other model is not installed (a value is never accepted on one
     * model's readings alone). Readings stop at the first that cannot agree; {@code other} and {@code enlarged} are
     * those readings where they were made already (null where not).
     */
    private OptionalDouble agreement(FieldSpec f, ZoneText z, Normalised value, OcrText other, OcrText enlarged,
                                     double alignment, double atLeast, TesseractEngine engine) {
        java.util.function.Supplier<OcrText> otherModel = () -> other != null ? other
                : ZoneReader.checkInOtherLanguage(engine, z);
        java.util.function.Supplier<OcrText> larger = () -> enlarged != null ? enlarged
                : ZoneReader.check(engine, z, z.settings().verifyScale());
        double least = 1;
        for (java.util.function.Supplier<OcrText> next : List.of(z::reading, otherModel, larger)) {
            OcrText r = next.get();
            Interpretation read = r == null ? null : interpret(f, r);
            if (read == null || FieldScoring.confidence(read.confidence(), alignment) < atLeast
                    || !sameValue(value, read.normalised())) {
                return OptionalDouble.empty();
            }
            least = Math.min(least, read.confidence());
        }
        return OptionalDouble.of(least);
    }

    /**
     * Whether every digit of the first reading that the recogniser confuses with another (the settings' confusions:
     * 0 with 6, 9 and 8 …) fits the printed character at least as well as each of those others, drawn in the print
     * fonts at its size ({@link DigitShapes}). Both models at both scales read a printed 20日 as 26日 alike at 0.96
     * (IPAGothic, fine mode, seed 21), where the cell fits a drawn 0 at 0.86 and a drawn 6 at 0.75: where the shape
     * says otherwise, or the characters cannot be cut from the line, the readings' agreement is not enough.
     */
    private boolean digitsTellApart(ZoneText z) {
        Map<String, List<String>> confusions = z.settings().confusions();
        if (confusions.isEmpty()) {
            return true;
        }
        String text = z.reading().text();
        List<Gray> cells = CharacterCells.crops(z.lines(), text);
        String compact = text.replaceAll("\\s+", "");
        if (cells != null && cells.size() != compact.length()) {
            return false;
        }
        for (int i = 0; i < compact.length(); i++) {
            String c = String.valueOf(compact.charAt(i));
            List<String> others = confusions.getOrDefault(c, List.of());
            if (others.isEmpty() || !Character.isDigit(compact.charAt(i))) {
                continue;
            }
            if (cells == null || !DIGITS.fitsAsRead(cells.get(i), c, others)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether an 8 of {@code text}, its cell cut clear from the line, looks like a 3 ({@link ThreeOrEight}); a digit
     * whose cell cannot be cut says nothing.
     */
    private static boolean anEightLooksLikeAThree(ZoneText z, String text) {
        String compact = text.replaceAll("\\s+", "");
        if (compact.indexOf('8') < 0) {
            return false;
        }
        List<Gray> cells = CharacterCells.crops(z.lines(), text);
        if (cells == null || cells.size() != compact.length()) {
            return false;
        }
        for (int i = 0; i < compact.length(); i++) {
            if (compact.charAt(i) == '8' && cells.get(i) != null && ThreeOrEight.looksLikeThree(cells.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** A check reading and the value it makes. */
    private record Checked(OcrText reading, Normalised value, Map<OcrSettings.Check, OcrText> byKind) {
    }

    private Checked checked(FieldSpec f, OcrText reading) {
        return new Checked(reading, interpret(f, reading).normalised(), Map.of());
    }

    /**
     * The settings' check readings of a value that could be accepted, in their order: the first that makes another
     * value, else the last (all agree). Where the other language is not installed the enlarged reading stands in for
     * it: a value is never accepted on one reading.
     */
    private Checked check(FieldSpec f, ZoneText z, Normalised value, TesseractEngine engine) {
        Map<OcrSettings.Check, OcrText> made = new java.util.EnumMap<>(OcrSettings.Check.class);
        Checked last = null;
        for (OcrSettings.Check c : z.settings().checks()) {
            OcrText r = c == OcrSettings.Check.OTHER_LANGUAGE ? ZoneReader.checkInOtherLanguage(engine, z)
                    : ZoneReader.check(engine, z, z.settings().verifyScale());
            if (r == null) {
                continue;
            }
            made.put(c, r);
            last = new Checked(r, interpret(f, r).normalised(), made);
            if (!sameValue(value, last.value())) {
                return last;
            }
        }
        if (last == null) {
            OcrText r = ZoneReader.check(engine, z, z.settings().verifyScale());
            made.put(OcrSettings.Check.ENLARGED, r);
            last = new Checked(r, interpret(f, r).normalised(), made);
        }
        return last;
    }

    /**
     * The form's rules object to dates or an age as read (an onset after the diagnosis, an age that does not match
     * the birth date): the usual cause is one misread or dropped digit. For each field a rule names, the other
     * values its readings allow (the recogniser's alternatives, and readings at other scales) are tried, and the
     * first that leaves fewer rules broken is taken, marked for a clerk to check. Returns the violations left.
     */
    private List<Violation> reconcile(Map<String, Draft> drafts, Map<String, Object> values, List<Violation> violations,
                                      TesseractEngine engine) {
        // a value that later readings made, overruling the first, was settled by two of them: changed last
        List<String> involved = new ArrayList<>();
        List<String> settled = new ArrayList<>();
        for (String key : new LinkedHashSet<>(violations.stream().flatMap(v -> v.fields().stream()).toList())) {
            (overruledFirstReading(drafts.get(key)) ? settled : involved).add(key);
        }
        involved.addAll(settled);
        for (String key : involved) {
            Draft d = drafts.get(key);
            if (d == null || d.zone() == null || d.value() == null || !constrained(d.spec().type())) {
                continue;
            }
            for (Interpretation option : otherValues(d, engine)) {
                Map<String, Object> tried = new LinkedHashMap<>(values);
                tried.put(key, option.normalised().value());
                List<Violation> left = FormValidator.validate(template.rules(), tried);
                if (left.size() < violations.size()) {
                    drafts.put(key, d.withValue(option.normalised().value(), option.raw()));
                    // which of the fields was misread is a guess: all that the resolved rules named stay doubtful
                    for (Violation resolved : violations) {
                        if (!left.contains(resolved)) {
                            resolved.fields().forEach(k -> {
                                Draft other = drafts.get(k);
                                if (other != null && other.value() != null) {
                                    other.doubts().add(MSG_RECONCILED);
                                }
                            });
                        }
                    }
                    values.put(key, option.normalised().value());
                    violations = left;
                    break;
                }
            }
            if (violations.isEmpty()) {
                break;
            }
        }
        return violations;
    }

    /** Whether a draft's value is not what its first reading makes of it (a rescued or settled value). */
    private boolean overruledFirstReading(Draft d) {
        if (d == null || d.zone() == null || d.zone().reading() == null || d.value() == null) {
            return false;
        }
        Normalised first = interpret(d.spec(), d.zone().reading()).normalised();
        return !String.valueOf(first.value()).equals(String.valueOf(d.value()));
    }

    /** Values of a field its readings allow besides the one taken, likeliest first. */
    private List<Interpretation> otherValues(Draft d, TesseractEngine engine) {
        FieldSpec f = d.spec();
        OcrSettings s = template.ocrFor(f);
        List<OcrText> readings = new ArrayList<>(List.of(ZoneReader.withAlternatives(engine, d.zone()).reading()));
        if (s.verifyScale() > 0) {
            readings.add(ZoneReader.verify(engine, d.zone()));
            readings.add(ZoneReader.again(engine, d.zone(), RESCUE_CHECK_SCALE));
            readings.add(ZoneReader.again(engine, d.zone(), SETTLING_SCALE));
        }
        List<Interpretation> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        seen.add(String.valueOf(d.value()));
        for (OcrText r : readings) {
            for (ConstrainedDecoding.Candidate c : ConstrainedDecoding.accepted(r, s.confusions(), raw -> acceptable(f, raw),
                    DECODING_BUDGET, RECONCILE_OPTIONS)) {
                Normalised n = FieldNormaliser.normalise(f.type(), c.text());
                // only what the recogniser itself saw: a known confusion alone is too weak to overrule a clerk's
                // view of dates that really were written out of order
                if (c.confidence() >= RECONCILE_MIN_CONFIDENCE && seen.add(String.valueOf(n.value()))) {
                    out.add(new Interpretation(c.text(), n, c.confidence()));
                }
            }
        }
        return out;
    }

    /** A reading of a zone as a value of its field: the text chosen, its normalised value, its confidence. */
    record Interpretation(String raw, Normalised normalised, double confidence) {
    }

    /** Types whose format is strict enough to choose among the recogniser's alternatives. */
    static boolean constrained(FieldType type) {
        return type == FieldType.DATE || type == FieldType.PHONE || type == FieldType.INTEGER;
    }

    private Interpretation interpret(FieldSpec f, OcrText reading) {
        if (constrained(f.type())) {
            Optional<ConstrainedDecoding.Candidate> c = ConstrainedDecoding.best(reading, template.ocrFor(f).confusions(),
                    raw -> acceptable(f, raw), DECODING_BUDGET);
            OcrText day = c.isEmpty() && f.type() == FieldType.DATE ? ConstrainedDecoding.dayMarkReadAsOnes(reading) : null;
            if (day != null) {
                c = ConstrainedDecoding.best(day, template.ocrFor(f).confusions(), raw -> acceptable(f, raw), DECODING_BUDGET);
            }
            if (c.isPresent()) {
                return new Interpretation(c.get().text(), FieldNormaliser.normalise(f.type(), c.get().text()), c.get().confidence());
            }
        }
        return new Interpretation(reading.text(), FieldNormaliser.normalise(f.type(), reading.text()), reading.confidence());
    }

    /** Whether a text is a valid value of the field on its own: its format and its own range rules. */
    private boolean acceptable(FieldSpec f, String raw) {
        Normalised n = FieldNormaliser.normalise(f.type(), raw);
        if (!n.valid() || n.value() == null) {
            return false;
        }
        List<Rule> own = ownRules.getOrDefault(f.key(), List.of());
        return own.isEmpty() || FormValidator.validate(own, Map.of(f.key(), n.value())).isEmpty();
    }

    /** The rules that judge one field alone (date ranges), by field key. */
    private static Map<String, List<Rule>> ownRules(FormTemplate t) {
        Map<String, List<Rule>> out = new LinkedHashMap<>();
        for (Rule r : t.rules()) {
            if (r instanceof Rule.DateRange d) {
                for (String key : d.fields()) {
                    out.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(new Rule.DateRange(List.of(key), d.min(), d.max(), d.message()));
                }
            }
        }
        return out;
    }

    /**
     * The field's value from the page's PDF text layer (a form filled in on a PC), or null to read the pixels: the
     * layer's text is exact, so it replaces OCR; normalising and validation still apply.
     */
    private Draft typed(FieldSpec f, AlignedPage page, Gray extra, Thresholds th) {
        if (page.words().isEmpty()) {
            return null;
        }
        MmBox zone = f.box().inset(ZONE_INSET_MM);
        String raw = TextLayerReader.textIn(page.words(), zone, TextLayerReader.labelBoxes(template));
        if (raw == null) {
            return null;
        }
        Set<String> problems = new LinkedHashSet<>();
        Set<String> doubts = new LinkedHashSet<>();
        Normalised n = FieldNormaliser.normalise(f.type(), raw);
        if (!n.valid()) {
            problems.add(n.problem());
        }
        double conf = TYPED_CONFIDENCE;
        if (TextLayerReader.inkFraction(extra, zone, page.pxPerMm()) < th.emptyInk() / 4) {
            // an invisible layer over an image that shows nothing there: the two disagree, a clerk decides
            conf = Math.min(conf, 0.5);
            doubts.add(MSG_LAYER_NO_INK);
        }
        return new Draft(f, n.value(), raw, conf, problems, doubts, true);
    }

    private Draft marks(FieldSpec f, AlignedPage page, Gray extra, Thresholds th) {
        List<String> marked = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        boolean ambiguous = false;
        double clarity = 1;
        for (OptionSpec o : f.options()) {
            MarkReading m = MarkDetector.detect(o, page.ink(), extra, page.pxPerMm(), th);
            if (m.state() == MarkReading.State.MARKED) {
                marked.add(o.value());
                labels.add(o.label());
            } else if (m.state() == MarkReading.State.AMBIGUOUS) {
                ambiguous = true;
            }
            clarity = Math.min(clarity, markClarity(m, th));
        }
        Set<String> problems = new LinkedHashSet<>();
        Set<String> doubts = new LinkedHashSet<>();
        String raw = String.join(",", labels);
        if (ambiguous) {
            doubts.add(MSG_AMBIGUOUS_MARK);
            clarity = Math.min(clarity, 0.4);
        }
        Object value;
        if (f.type() == FieldType.CHOICE) {
            if (marked.size() > 1) {
                problems.add(MSG_MANY);
            }
            value = marked.size() == 1 ? marked.get(0) : null;
        } else {
            value = marked.stream().sorted().toList();
        }
        return new Draft(f, value, raw, clarity, problems, doubts);
    }

    /** Whether two readings mean the same: equal normalised values, spaces ignored. */
    static boolean sameValue(Normalised first, Normalised second) {
        String a = String.valueOf(first.value()).replaceAll("\\s+", "");
        String b = String.valueOf(second.value()).replaceAll("\\s+", "");
        return first.valid() == second.valid() && a.equals(b);
    }

    static boolean isEmpty(Object v) {
        return v == null || (v instanceof List<?> l && l.isEmpty());
    }

    /** 1 when every box is far from the thresholds; lower the closer a box is to the undecided band. */
    private static double markClarity(MarkReading m, Thresholds th) {
        if (m.state() == MarkReading.State.AMBIGUOUS) {
            return 0.3;
        }
        return 0.97;
    }

    private static PixelBox box(MmBox b, double pxPerMm) {
        return new PixelBox((int) Math.round(b.x() * pxPerMm), (int) Math.round(b.y() * pxPerMm),
                (int) Math.round(b.w() * pxPerMm), (int) Math.round(b.h() * pxPerMm));
    }
}
