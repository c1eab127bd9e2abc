package io.todoke.ocr.engine;

import io.todoke.ocr.FaxReader;
import io.todoke.ocr.FaxReading;
import io.todoke.ocr.FormReading;
import io.todoke.ocr.PageClassification;
import io.todoke.ocr.PageImage;
import io.todoke.ocr.PageKind;
import io.todoke.ocr.ReadingInterruptedException;
import io.todoke.ocr.UnreadableFaxException;
import io.todoke.ocr.align.AlignedPage;
import io.todoke.ocr.align.BlankForm;
import io.todoke.ocr.align.FormChoice;
import io.todoke.ocr.align.Cleaning;
import io.todoke.ocr.image.Gray;
import io.todoke.ocr.image.OpenCvLoader;
import io.todoke.ocr.align.PageAligner;
import io.todoke.ocr.decode.DecodedFax;
import io.todoke.ocr.decode.DecodedPage;
import io.todoke.ocr.decode.FaxDecoder;
import io.todoke.ocr.decode.PageRaster;
import io.todoke.ocr.read.OcrText;
import io.todoke.ocr.read.TesseractPool;
import io.todoke.ocr.read.TextLayerReader;
import io.todoke.ocr.template.FormTemplate;
import io.todoke.ocr.template.FormTemplates;
import io.todoke.ocr.template.OcrSettings;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The notification-form reader: decode → clean and align → classify → read zones and marks → normalise →
 * validate → score. Thread-safe; each calling thread gets its own Tesseract engine.
 */
public final class TodokeEngine implements FaxReader {

    private static final OcrSettings COVER_OCR = new OcrSettings("jpn", 6, "", 0);

    private final EngineConfig config;
    private final List<FormTemplate> templates;
    private final Map<String, FormPageReader> readers = new LinkedHashMap<>();
    private final FaxDecoder decoder;
    private final TesseractPool tesseract;

    /** The engine with {@link EngineConfig#defaults()} (also what {@code ServiceLoader<FaxReader>} makes). */
    public TodokeEngine() {
        this(EngineConfig.defaults());
    }

    /** The engine reading the form templates in {@code templates} (a directory of templates or one template's). */
    public TodokeEngine(Path templates) {
        this(EngineConfig.defaults().withTemplates(templates));
    }

    public TodokeEngine(EngineConfig config) {
        this(config, FormTemplates.load(config.templates()).all());
    }

    public TodokeEngine(EngineConfig config, List<FormTemplate> templates) {
        if (templates.isEmpty()) {
            throw new IllegalArgumentException("no form template");
        }
        OpenCvLoader.load();
        this.config = config;
        this.templates = List.copyOf(templates);
        for (FormTemplate t : templates) {
            readers.put(t.id() + "@" + t.version(), new FormPageReader(t, new BlankForm(t, config.pxPerMm()),
                    new io.todoke.ocr.steps.Steps(config.stepsOff())));
        }
        this.decoder = new FaxDecoder(config.limits());
        this.tesseract = new TesseractPool(config.tessdata());
    }

    public List<FormTemplate> templates() {
        return templates;
    }

    /**
     * {@inheritDoc} Pages are decoded one at a time. An interrupted thread gets a
     * {@link ReadingInterruptedException} at the next page, step or zone.
     */
    @Override
    public FaxReading read(Path file) throws UnreadableFaxException {
        ReadingInterruptedException.throwIfInterrupted();
        List<PageClassification> pages = new ArrayList<>();
        List<PageImage> images = new ArrayList<>();
        List<FormReading> forms = new ArrayList<>();
        try (DecodedFax fax = decoder.open(file)) {
            for (int i = 0; i < fax.pageCount(); i++) {
                readPage(fax.page(i), i, pages, images, forms);
            }
        }
        return new FaxReading(file.getFileName().toString(), pages, images, forms);
    }

    private void readPage(DecodedPage page, int i, List<PageClassification> pages, List<PageImage> images,
                          List<FormReading> forms) {
        ReadingInterruptedException.throwIfInterrupted();
        Gray working = Gray.of(PageRaster.toWorking(page, config.pxPerMm()));
        ReadingInterruptedException.throwIfInterrupted();
        PageAligner.Cleaned cleaned = PageAligner.clean(working, config.pxPerMm());
        FormChoice.Choice choice = null;
        if (cleaned.inkFraction() >= templates.get(0).thresholds().blankInk()) {
            choice = FormChoice.choose(cleaned, templates, config.pxPerMm());
        }
        ReadingInterruptedException.throwIfInterrupted();
        if (choice == null) {
            pages.add(new PageClassification(i, PageKind.BLANK, null, 1 - cleaned.inkFraction(), 0));
            images.add(image(i, cleaned.gray(), page));
        } else if (choice.template() != null) {
            FormTemplate t = choice.template();
            AlignedPage best = choice.page();
            pages.add(new PageClassification(i, PageKind.FORM, t.id(), best.score(), best.rotation()));
            images.add(image(i, best.gray(), page));
            AlignedPage typed = best.withWords(TextLayerReader.toTemplate(page.words(), best.frame()));
            forms.add(readers.get(t.id() + "@" + t.version()).read(typed, i, tesseract.engine())
                    .withDisease(t.disease()));
        } else {
            boolean cover = isCover(cleaned.gray());
            // a known form's title on a grid none of its versions has: a revised layout, read by its labels
            java.util.Optional<RevisedLayoutReader.Read> revised = cover ? java.util.Optional.empty()
                    : RevisedLayoutReader.read(cleaned, i, templates, config.pxPerMm(), tesseract.engine());
            if (revised.isPresent()) {
                FormReading r = revised.get().reading();
                pages.add(new PageClassification(i, PageKind.FORM, r.templateId(), r.alignment(), revised.get().rotation()));
                images.add(image(i, revised.get().image(), page));
                forms.add(r);
                return;
            }
            pages.add(new PageClassification(i, cover ? PageKind.COVER : PageKind.UNKNOWN, null,
                    cover ? 0.9 : 1 - choice.found(), 0));
            images.add(image(i, cleaned.gray(), page));
        }
    }

    /** Test hook: runs before each zone's reading (after which the interruption check follows). */
    void beforeEachZone(Runnable hook) {
        readers.values().forEach(r -> r.beforeEachZone(hook));
    }

    /** A cover sheet (送付状) names itself near its top: read only the top third for any template's anchor words. */
    private boolean isCover(Gray page) {
        List<String> anchors = templates.stream().flatMap(t -> t.coverAnchors().stream())
                .map(a -> Normalizer.normalize(a, Normalizer.Form.NFKC)).distinct().toList();
        if (anchors.isEmpty()) {
            return false;
        }
        int h = page.height() / 3;
        byte[] top = new byte[page.width() * h];
        System.arraycopy(page.px(), 0, top, 0, top.length);
        OcrText text = tesseract.engine().read(new Gray(top, page.width(), h), COVER_OCR);
        String s = Normalizer.normalize(text.text(), Normalizer.Form.NFKC).replaceAll("\\s+", "");
        return anchors.stream().anyMatch(s::contains);
    }

    /** The page as the clerk sees it: the cleaned, aligned page, in grey unless the original was 1-bit. */
    private static PageImage image(int page, Gray gray, DecodedPage original) {
        return new PageImage(page, PagePng.encode(gray, !original.bilevel()), gray.width(), gray.height());
    }

    @Override
    public void close() {
        tesseract.close();
    }


}
