package io.todoke.ocr.steps;

import io.todoke.ocr.normalise.FieldNormaliser;
import io.todoke.ocr.read.OcrText;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.todoke.ocr.steps.StepFixtures.candidate;
import static io.todoke.ocr.steps.StepFixtures.context;
import static io.todoke.ocr.steps.StepFixtures.printed;
import static io.todoke.ocr.steps.StepFixtures.reading;
import static org.assertj.core.api.Assertions.assertThat;

/** Each field step on a reading where it matters. */
class FieldStepsTest {

    private final StepContext ctx = context();

    /** {@code reading(text)} whose symbol {@code i} also offers {@code alternative} at {@code confidence}. */
    private static OcrText offering(OcrText r, int i, String alternative, double confidence) {
        List<OcrText.Symbol> symbols = new ArrayList<>(r.symbols());
        OcrText.Symbol s = symbols.get(i);
        symbols.set(i, new OcrText.Symbol(s.text(), s.confidence(), s.x(), s.y(), s.width(), s.height(),
                List.of(new OcrText.Choice(s.text(), 0.9), new OcrText.Choice(alternative, confidence))));
        return new OcrText(r.text(), r.confidence(), symbols);
    }

    private static ZoneReadings withoutAlternatives(Candidate c) {
        var z = c.readings().zone();
        return new ZoneReadings(null, new io.todoke.ocr.read.ZoneText(z.raw(), z.confidence(), z.inkFraction(), false,
                z.writing(), z.settings(), z.reading(), z.lines(), false));
    }

    @Test
    void aDateTheFormatRejectsIsReadAgainWithTheRecognisersAlternativesAndTheOneThatFitsIsTaken() {
        OcrText first = reading("2024年10月5口", 0.9);
        Candidate probe = candidate("report_date", first);
        ZoneReadings z = withoutAlternatives(probe).given(ZoneReadings.ALTERNATIVES, offering(first, 9, "日", 0.7));
        Candidate c = new Candidate(probe.spec(), Candidate.Source.OCR, z, probe.normalised(), probe.raw(),
                probe.confidence());
        assertThat(c.normalised().valid()).isFalse();

        new FormatAlternatives().apply(c, ctx);

        assertThat(c.value()).isEqualTo("2024-10-05");
        assertThat(c.raw()).isEqualTo("2024年10月5日");
    }

    @Test
    void aPhoneNumberShortOfADigitIsRescuedByTheEnlargedReading() {
        Candidate c = candidate("facility_phone", reading("078-670-037", 0.95));
        c.readings().given(ZoneReadings.atKey(1.5), reading("078-670-0377", 0.95));

        new RescueByScale().apply(c, ctx);

        assertThat(c.raw()).isEqualTo("078-670-0377");
        assertThat(c.rescued).isTrue();
    }

    @Test
    void aDoubtfulTextShowsWhatTheOtherModelAndTheEnlargedReadingAgreeOnNeverSurerThanAClerksCheck() {
        Candidate c = candidate("occupation", reading("会社貝", 0.6));
        c.readings().given(ZoneReadings.OTHER, reading("会社員", 0.9)).given(ZoneReadings.atKey(1.5), reading("会社員", 0.9));

        new FuseReadings().apply(c, ctx);

        assertThat(c.raw()).isEqualTo("会社員");
        assertThat(c.confidence()).isLessThanOrEqualTo(0.5);
    }

    @Test
    void amongFusedReadingsOfAnAddressTheOneWithATownOfItsWardIsShown() {
        String wrongTown = "神戸市兵庫区潮川町4丁目17番5号";
        String rightTown = "神戸市兵庫区湊川町4丁目17番5号";
        Candidate c = candidate("patient_address", reading(wrongTown, 0.9));
        c.fused = true;
        c.ranked = List.of(wrongTown, rightTown);
        c.fusedConfidence = 0.9;

        new TownAmongReadings().apply(c, ctx);

        assertThat(c.raw()).isEqualTo(rightTown);
        assertThat(c.confidence()).isLessThanOrEqualTo(0.5);
    }

    @Test
    void readingsThatAreNoValueOfTheirTypeAreAProblemTheStepsCannotSwitchOff() {
        Candidate c = candidate("birth_date", reading("2024年13月5日", 0.99));

        new FormatCheck().apply(c, ctx);

        assertThat(c.problems()).isNotEmpty();
        assertThat(new Steps(java.util.Set.copyOf(Steps.names())).forType(io.todoke.ocr.template.FieldType.DATE))
                .extracting(Step::name).containsExactly(FormatCheck.NAME);
    }

    @Test
    void aTextWithACharacterTheTemplateListsAsEasilyMisreadGoesToAClerk() {
        Candidate c = candidate("facility_name", reading("上田医院", 0.999));

        new ConfusableCharacters().apply(c, ctx);

        assertThat(c.doubts()).containsExactly(Messages.CONFUSABLE);
    }

    @Test
    void aSurelyReadAddressWhoseBlockNumberHadToBeRepairedGoesToAClerk() {
        Candidate c = candidate("patient_address", reading("神戸市兵庫区湊川町2丁目29特17号", 0.99));

        new RepairedAddress().apply(c, ctx);

        assertThat(c.doubts()).containsExactly(Messages.ADDRESS_REPAIRED);
    }

    @Test
    void aDateTheOtherModelReadsAsAnotherDateGoesToAClerk() {
        Candidate c = candidate("report_date", reading("2024年10月5日", 0.99));
        c.readings().given(ZoneReadings.OTHER_CHECK, reading("2024年10月6日", 0.99));

        new CheckReading().apply(c, ctx);

        assertThat(c.doubts()).containsExactly(Messages.SECOND_READ);
        assertThat(c.checkDisagreed.value()).isEqualTo("2024-10-06");
    }

    @Test
    void aDateTheCheckDisputedShowsTheValueAReducedReadingSidesWith() {
        Candidate c = candidate("report_date", reading("2024年10月5日", 0.99));
        c.checkDisagreed = FieldNormaliser.normalise(c.spec().type(), "2024年10月6日");
        c.readings().given(ZoneReadings.atKey(RescueByScale.SETTLING_SCALE), reading("2024年10月6日", 0.9));

        new SettleByThirdReading().apply(c, ctx);

        assertThat(c.value()).isEqualTo("2024-10-06");
    }

    @Test
    void aPhoneNumberWhosePrinted3WasReadAs8GoesToAClerkHoweverSureTheReading() throws Exception {
        Candidate c = candidate("facility_phone", reading("078-670-0877", 0.99), printed("078-670-0377"));

        new EightOrThree().apply(c, ctx);

        assertThat(c.doubts()).containsExactly(Messages.DIGIT_SHAPE);
    }

    @Test
    void aPhoneNumberWhosePrinted8IsAnEightIsNotDoubted() throws Exception {
        Candidate c = candidate("facility_phone", reading("078-670-0877", 0.99), printed("078-670-0877"));

        new EightOrThree().apply(c, ctx);

        assertThat(c.doubts()).isEmpty();
    }

    @Test
    void aNameThatIsNoKnownNameIsReplacedByTheReadingsMixThatIs() {
        Candidate c = candidate("patient_name", reading("田巾 太郎", 0.6));
        c.ranked = List.of("田巾 太郎", "田中 太郎");

        new KnownNameAmongReadings().apply(c, ctx);

        assertThat(c.value()).isEqualTo("田中 太郎");
    }

    @Test
    void aDoubtfulNameACharacterAwayFromAKnownNameTakesItWhereThePrintFitsItBetter() throws Exception {
        Candidate c = candidate("patient_name", reading("田中 太部", 0.6), printed("田中 太郎"));

        new NameByGlyph().apply(c, ctx);

        assertThat(c.value()).isEqualTo("田中 太郎");
        assertThat(c.doubts()).containsExactly(Messages.NAME_BY_GLYPH);
    }

    @Test
    void aDoubtfulOccupationIsMendedToAUsualOneWhereThePrintFitsIt() throws Exception {
        Candidate c = candidate("occupation", reading("保盲士", 0.6), printed("保育士"));

        new WordsByGlyph(List.of(WordsByGlyph.WORDS, WordsByGlyph.VOCABULARY)).apply(c, ctx);

        assertThat(c.value()).isEqualTo("保育士");
        assertThat(c.doubts()).containsExactly(Messages.WORD_BY_GLYPH);
    }

    @Test
    void glyphMendingWithEveryPartSwitchedOffLeavesTheTextAsRead() throws Exception {
        Candidate c = candidate("occupation", reading("保盲士", 0.6), printed("保育士"));

        new WordsByGlyph(List.of()).apply(c, ctx);

        assertThat(c.value()).isEqualTo("保盲士");
    }

    @Test
    void aLatinTermReadWithADigitForALetterIsSpelledAsTheTemplatesListHasIt() {
        Candidate c = candidate("remarks", reading("入院時Sp02 93%", 0.999));

        new LatinTermSpelling().apply(c, ctx);

        assertThat(c.value()).isEqualTo("入院時SpO2 93%");
        assertThat(c.doubts()).containsExactly(Messages.TERM);
    }

    @Test
    void aVoicingMarkTheFaxThinnedAwayIsRestoredWhereTheGrammarSaysSo() {
        Candidate c = candidate("infection_route", reading("飲食店ての会食", 0.999));

        new VoicingByGrammar().apply(c, ctx);

        assertThat(c.value()).isEqualTo("飲食店での会食");
        assertThat(c.doubts()).containsExactly(Messages.VOICING);
    }

    @Test
    void anAddressWithATownItsWardDoesNotHaveGoesToAClerk() {
        Candidate c = candidate("patient_address", reading("神戸市兵庫区潮川町4丁目17番5号", 0.999));

        new UnknownTown().apply(c, ctx);

        assertThat(c.doubts()).containsExactly(Messages.UNKNOWN_TOWN);
    }

    @Test
    void aMisreadSameAsAboveThatIsNoAddressGoesToAClerk() {
        Candidate c = candidate("guardian_address", reading("同よ", 0.99));

        new AddressShape().apply(c, ctx);

        assertThat(c.doubts()).containsExactly(Messages.NOT_AN_ADDRESS);
    }

    @Test
    void aGapBetweenJapaneseCharactersWhereAMarkMayHaveBeenCleanedAwayGoesToAClerk() {
        Candidate c = candidate("remarks", reading("基礎疾患 高血圧", 0.999));

        new GapInText().apply(c, ctx);

        assertThat(c.doubts()).containsExactly(Messages.GAP);
    }

    @Test
    void aDateJustShortOfAcceptanceIsAcceptedWhereBothModelsAtBothScalesReadIt() {
        Candidate c = candidate("report_date", reading("2024年10月5日", 0.9));
        c.readings().given(ZoneReadings.OTHER_CHECK, reading("2024年10月5日", 0.9))
                .given(ZoneReadings.checkKey(1.5), reading("2024年10月5日", 0.95));

        new AgreementOfReadings().apply(c, ctx);

        assertThat(c.agreed()).isTrue();
        assertThat(c.confidence()).isEqualTo(0.9);
    }

    @Test
    void aDateIsNotAcceptedOnAgreementWhereTheOtherModelReadsAnotherDate() {
        Candidate c = candidate("report_date", reading("2024年10月5日", 0.9));
        c.readings().given(ZoneReadings.OTHER_CHECK, reading("2024年10月6日", 0.9))
                .given(ZoneReadings.checkKey(1.5), reading("2024年10月5日", 0.95));

        new AgreementOfReadings().apply(c, ctx);

        assertThat(c.agreed()).isFalse();
    }

    @Test
    void aPhoneNumberWhosePrintedDigitFitsAnotherDigitBetterIsNotAcceptedOnAgreement() throws Exception {
        Candidate c = candidate("facility_phone", reading("078-670-0877", 0.9), printed("078-670-0377"));

        new DigitShapes().apply(c, ctx);

        assertThat(c.agreementVetoed).isTrue();
    }

    @Test
    void aPhoneNumberWhosePrintedDigitsFitAsReadMayBeAcceptedOnAgreement() throws Exception {
        Candidate c = candidate("facility_phone", reading("078-670-0377", 0.9), printed("078-670-0377"));

        new DigitShapes().apply(c, ctx);

        assertThat(c.agreementVetoed).isFalse();
    }
}
