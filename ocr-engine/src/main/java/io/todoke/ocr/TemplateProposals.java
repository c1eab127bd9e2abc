package io.todoke.ocr;

import io.todoke.ocr.align.PageAligner;
import io.todoke.ocr.decode.DecodedFax;
import io.todoke.ocr.decode.DecodedPage;
import io.todoke.ocr.decode.FaxDecoder;
import io.todoke.ocr.decode.PageRaster;
import io.todoke.ocr.image.Gray;
import io.todoke.ocr.image.OpenCvLoader;
import io.todoke.ocr.proposal.AnalysedPage;
import io.todoke.ocr.proposal.FieldVocabulary;
import io.todoke.ocr.proposal.PageGrid;
import io.todoke.ocr.proposal.ProposalJson;
import io.todoke.ocr.proposal.TemplateProposer;
import io.todoke.ocr.read.TesseractPool;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Template proposals from a blank form: the page's ruled cells and check boxes are found, their printed labels read
 * (from the PDF's text layer where it has one, else by Tesseract), and each value cell is proposed as the field its
 * label names in the form library's vocabulary, typed; the result is a {@code layout.json} with each field's
 * confidence. Thread-safe; each calling thread gets its own Tesseract.
 */
public final class TemplateProposals implements AutoCloseable {

    /** The page is read at 8 px/mm, the engine's working resolution. */
    private static final double PX_PER_MM = 8.0;

    /**
     * A proposal.
     *
     * @param layoutJson the proposed layout in the format of {@code config/forms/&lt;form&gt;/layout.json}, each field
     *                   with a {@code confidence} in [0, 1]
     * @param fields     how many fields were proposed
     * @param known      how many of them the library's vocabulary named (the others have new keys {@code field_NN})
     */
    public record Proposal(String layoutJson, int fields, int known) {
    }

    private final Path library;
    private final FaxDecoder decoder;
    private final TesseractPool tesseract;

    /** Proposals keyed by the vocabulary of the layouts under {@code library} (e.g. {@code config/forms}). */
    public TemplateProposals(Path library, Path tessdata, DecodeLimits limits) {
        OpenCvLoader.load();
        this.library = library;
        this.decoder = new FaxDecoder(limits);
        this.tesseract = new TesseractPool(tessdata);
    }

    /** Proposes a layout for the blank form in {@code file} (its page with the most ruled cells). */
    public Proposal propose(Path file) throws UnreadableFaxException {
        return propose(file, List.of());
    }

    /**
     * As {@link #propose(Path)}, leaving the forms {@code excludedForms} out of the vocabulary (to measure how a form
     * the library does not know fares).
     */
    public Proposal propose(Path file, List<String> excludedForms) throws UnreadableFaxException {
        FieldVocabulary vocabulary = FieldVocabulary.load(library, excludedForms);
        try (DecodedFax fax = decoder.open(file)) {
            PageAligner.Cleaned best = null;
            DecodedPage bestPage = null;
            int bestCells = -1;
            for (int i = 0; i < fax.pageCount(); i++) {
                ReadingInterruptedException.throwIfInterrupted();
                DecodedPage page = fax.page(i);
                PageAligner.Cleaned cleaned = PageAligner.clean(Gray.of(PageRaster.toWorking(page, PX_PER_MM)), PX_PER_MM);
                int cells = PageGrid.of(cleaned.ink(), PX_PER_MM).cells().size();
                if (cells > bestCells) {
                    best = cleaned;
                    bestPage = page;
                    bestCells = cells;
                }
            }
            if (best == null) {
                throw new UnreadableFaxException(UnreadableFaxException.Reason.EMPTY, "no page");
            }
            // the text layer's millimetres are the page's only while the page was not turned
            List<io.todoke.ocr.decode.PlacedText> words = Math.abs(best.skewDeg()) < 1e-6 ? bestPage.words() : List.of();
            AnalysedPage page = AnalysedPage.of(best.gray(), best.ink(), PX_PER_MM, words, tesseract.engine());
            List<TemplateProposer.ProposedField> fields = new TemplateProposer(vocabulary).propose(page);
            String version = LocalDate.now(ZoneId.of("Asia/Tokyo")).toString().substring(0, 7);
            String json = ProposalJson.layout("proposed", version, page, fields).toPrettyString();
            return new Proposal(json, fields.size(), (int) fields.stream().filter(TemplateProposer.ProposedField::known).count());
        }
    }

    @Override
    public void close() {
        tesseract.close();
    }
}
