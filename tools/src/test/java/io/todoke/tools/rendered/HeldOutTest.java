package io.todoke.tools.rendered;

import io.todoke.tools.samples.FilledForm;
import io.todoke.tools.samples.FormLayout;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class HeldOutTest {

    private final FormLayout layout = FormLayout.canonical();
    private final WordLists calibration = new WordLists(Role.CALIBRATION, FormHtmlTest.towns());
    private final WordLists evaluation = new WordLists(Role.EVALUATION, FormHtmlTest.towns());

    @Test
    void theSameSeedGivesTheSameFormAndAnotherSeedAnother() {
        RenderedValues values = new RenderedValues(layout, evaluation);
        FilledForm a = values.fill(new Random(5), true);
        assertThat(values.fill(new Random(5), true)).isEqualTo(a);
        assertThat(values.fill(new Random(6), true)).isNotEqualTo(a);
    }

    @Test
    void calibrationFormsNeverCarryANameTownOrClinicOfTheEvaluationHalf() {
        Set<String> heldOut = new HashSet<>();
        evaluation.surnames().forEach(n -> heldOut.add(n.kanji()));
        evaluation.givenNames().forEach(n -> heldOut.add(n.kanji()));
        Stream.concat(evaluation.kobeTowns().stream(), evaluation.otherTowns().stream())
                .forEach(t -> heldOut.add(t.city() + t.town()));
        assertThat(heldOut).hasSizeGreaterThan(1000);

        RenderedValues values = new RenderedValues(layout, calibration);
        for (int i = 0; i < 400; i++) {
            FilledForm f = values.fill(new Random(i), i % 2 == 0);
            String written = String.join("|", f.written().values()).replace(" ", "").replace("\u3000", "");
            for (String name : List.of("physician_name", "patient_name", "guardian_name")) {
                String v = f.written().get(name);
                if (v != null) {
                    for (String part : v.split("[ \u3000]")) {
                        assertThat(Role.of(part)).as(name + " " + part).isEqualTo(Role.CALIBRATION);
                        assertThat(heldOut).as(name).doesNotContain(part);
                    }
                }
            }
            // an address is city, town, then the block number: a held-out town is followed by a digit
            for (String town : heldOut) {
                for (int at = written.indexOf(town); at >= 0; at = written.indexOf(town, at + 1)) {
                    int next = at + town.length();
                    assertThat(next < written.length() && Character.isDigit(written.charAt(next)))
                            .as("form %d carries held-out town %s", i, town).isFalse();
                }
            }
        }
    }

    @Test
    void bothHalvesAreLargeAndDisjoint() {
        assertThat(calibration.surnames()).hasSizeGreaterThan(300);
        assertThat(evaluation.surnames()).hasSizeGreaterThan(300);
        assertThat(calibration.givenNames()).hasSizeGreaterThan(150);
        assertThat(evaluation.givenNames()).hasSizeGreaterThan(150);
        assertThat(calibration.kobeTowns()).doesNotContainAnyElementsOf(evaluation.kobeTowns());
        assertThat(calibration.surnames()).doesNotContainAnyElementsOf(evaluation.surnames());
    }

    @Test
    void noNameOfEitherHalfIsAWordOfTheEnginesNameDictionary() throws IOException {
        Path ipadic = Path.of("/usr/share/mecab/dic/ipadic");
        assumeTrue(Files.isDirectory(ipadic), "mecab-ipadic is not installed (scripts/install-deps.sh installs it)");
        Set<String> surfaces = new HashSet<>();
        try (Stream<Path> csvs = Files.list(ipadic)) {
            for (Path csv : csvs.filter(p -> p.toString().endsWith(".csv")).toList()) {
                for (String line : Files.readAllLines(csv, Charset.forName("EUC-JP"))) {
                    surfaces.add(line.substring(0, Math.max(0, line.indexOf(','))));
                }
            }
        }
        assertThat(surfaces).hasSizeGreaterThan(100_000);
        for (WordLists w : List.of(calibration, evaluation)) {
            assertThat(Stream.concat(w.surnames().stream(), w.givenNames().stream()).map(WordLists.Name::kanji)
                    .filter(surfaces::contains).toList()).as("names that mecab-ipadic knows").isEmpty();
        }
    }

    @Test
    void fontGroupsAreDisjointAndEachHasPrintAndHandwritingLikeFontsThatInstallDepsInstalls() throws IOException {
        RenderedFonts fonts = RenderedFonts.load();
        for (Role r : Role.values()) {
            assertThat(fonts.of(r, false)).as(r + " print").hasSizeGreaterThanOrEqualTo(2);
            assertThat(fonts.of(r, true)).as(r + " handwriting-like").hasSizeGreaterThanOrEqualTo(2);
        }
        Set<String> cal = new HashSet<>();
        fonts.of(Role.CALIBRATION, false).forEach(f -> cal.add(f.family()));
        fonts.of(Role.CALIBRATION, true).forEach(f -> cal.add(f.family()));
        fonts.all().stream().filter(f -> f.role() == Role.EVALUATION)
                .forEach(f -> assertThat(cal).doesNotContain(f.family()));
        String installDeps = Files.readString(Path.of("../scripts/install-deps.sh"));
        for (String pkg : fonts.packages()) {
            assertThat(installDeps).as("scripts/install-deps.sh installs " + pkg).containsPattern("(?<![\\w-])" + pkg + "(?![\\w-])");
        }
    }
}
