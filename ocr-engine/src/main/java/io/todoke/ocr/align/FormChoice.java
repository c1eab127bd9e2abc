package io.todoke.ocr.align;

import io.todoke.ocr.ReadingInterruptedException;
import io.todoke.ocr.image.Gray;
import io.todoke.ocr.template.FormTemplate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which template, if any, a cleaned page is. Every form of the library shares the header and the patient block, so a
 * high alignment score is not enough: another form's page holds most of a template's lines. A template must also miss
 * no whole line of its ruling on the page and account for most of the page's ruling ({@link Registration#account});
 * of the templates that pass, the best fit is the page's form, and a page no template passes is no known form (a
 * cover sheet, a revision, a form the library lacks).
 */
public final class FormChoice {

    /** Below this share of the page's ruling on the template's, the page is not that form (a revision, another form). */
    public static final double MIN_EXPLAINED = 0.60;

    /** Above this share of the template's ruling in lines absent from the page, the page is not that form. */
    public static final double MAX_MISSING = 0.06;

    /**
     * @param template  the chosen template, null when none fits
     * @param page      the page aligned to the best candidate (null only for a page with no template at all)
     * @param found     share of the template's ruling found on the page (the alignment score)
     * @param explained share of the page's ruling on the template's
     * @param candidates every template's scores, best first
     */
    public record Choice(FormTemplate template, AlignedPage page, double found, double explained, List<Candidate> candidates) {
    }

    /** One template's fit to the page. */
    public record Candidate(FormTemplate template, double found, double explained, double missing) {
        double fit() {
            return found * explained * (1 - missing);
        }
    }

    private FormChoice() {
    }

    public static Choice choose(PageAligner.Cleaned page, List<FormTemplate> templates, double pxPerMm) {
        List<Candidate> candidates = new ArrayList<>();
        AlignedPage bestPage = null;
        Candidate best = null;
        AlignedPage bestFound = null;
        Gray turned = null;
        for (FormTemplate t : templates) {
            ReadingInterruptedException.throwIfInterrupted();
            AlignedPage a = PageAligner.align(page, t, pxPerMm);
            if (bestFound == null || a.score() > bestFound.score()) {
                bestFound = a;
            }
            double explained = 0;
            double missing = 1;
            if (a.score() >= t.thresholds().alignment()) {
                Gray ink = page.ink();
                if (a.rotation() == 180) {
                    turned = turned == null ? Cleaning.rotate180(ink) : turned;
                    ink = turned;
                }
                Registration.Account account = Registration.account(ink, t, a.frame().transform(), pxPerMm);
                explained = account.explained();
                missing = account.missing();
            }
            Candidate c = new Candidate(t, a.score(), explained, missing);
            candidates.add(c);
            if (explained >= MIN_EXPLAINED && missing <= MAX_MISSING && (best == null || c.fit() > best.fit())) {
                best = c;
                bestPage = a;
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::fit).reversed());
        if (best == null) {
            return new Choice(null, bestFound, bestFound == null ? 0 : bestFound.score(),
                    candidates.isEmpty() ? 0 : candidates.get(0).explained(), candidates);
        }
        return new Choice(best.template(), bestPage, best.found(), best.explained(), candidates);
    }
}
