package io.todoke.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.todoke.ocr.FieldReading;
import io.todoke.ocr.FieldStatus;
import io.todoke.ocr.PixelBox;
import io.todoke.ocr.FaxReading;
import io.todoke.ocr.FormReading;
import io.todoke.ocr.PageClassification;
import io.todoke.ocr.PageImage;
import io.todoke.ocr.PageKind;
import io.todoke.store.fax.FaxDocument;
import io.todoke.store.fax.FaxStore;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Seeds review cases the way intake stores them: a fax row, its page PNG (drawn here with Java2D from the
 * form layout, values written into their boxes) and a case whose fields point at their zones.
 */
public final class TestCases {

    /** Pixels per millimetre of the generated page (about 203 dpi, a fine-mode fax). */
    static final double PX_PER_MM = 8.0;

    /** What the "engine" read for one field. */
    public record Read(Object value, String raw, FieldStatus status, List<String> messages) {
        public static Read ok(Object value) {
            return new Read(value, value == null ? "" : value.toString(), value == null ? FieldStatus.EMPTY : FieldStatus.OK, List.of());
        }

        public static Read low(Object value, String raw) {
            // The engine's own reason for a doubtful field without a more specific one (FormPageReader.MSG_LOW).
            return new Read(value, raw, FieldStatus.LOW_CONFIDENCE, List.of("読み取りの確信度が低いため確認してください"));
        }

        public static Read invalid(String raw, String message) {
            return new Read(null, raw, FieldStatus.INVALID, List.of(message));
        }
    }

    private final FaxStore faxes;
    private final JsonNode layout;
    private final Path archiveDir;

    public TestCases(FaxStore faxes, Path layoutFile, Path archiveDir) {
        this.faxes = faxes;
        this.archiveDir = archiveDir;
        try {
            this.layout = new ObjectMapper().readTree(layoutFile.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, Read> typicalForm() {
        Map<String, Read> v = new LinkedHashMap<>();
        v.put("report_date", Read.ok("2021-08-20"));
        v.put("physician_name", Read.ok("神戸 一郎"));
        v.put("facility_name", Read.ok("みなと内科クリニック"));
        v.put("facility_address", Read.ok("神戸市中央区加納町6-5-1"));
        v.put("facility_phone", Read.ok("078-331-8181"));
        v.put("case_type", Read.ok("confirmed"));
        v.put("patient_name_kana", Read.ok("ヤマダ タロウ"));
        v.put("patient_name", Read.ok("山田 太郎"));
        v.put("sex", Read.ok("male"));
        v.put("birth_date", Read.ok("1970-03-12"));
        v.put("age", Read.ok(51L));
        v.put("occupation", Read.ok("会社員"));
        v.put("patient_address", Read.ok("神戸市西区糀台5-6-3"));
        v.put("patient_phone", Read.ok("078-991-1234"));
        v.put("symptoms", Read.ok(List.of("fever")));
        v.put("diagnosis_methods", Read.ok(List.of("pcr")));
        v.put("first_visit_date", Read.ok("2021-08-18"));
        v.put("diagnosis_date", Read.ok("2021-08-19"));
        v.put("onset_date", Read.ok("2021-08-16"));
        v.put("infection_region", Read.ok("神戸市"));
        return v;
    }

    /**
     * Receives, archives and reads a fax through the store the intake uses, with one page and one form that
     * waits for review; fields not given are read as empty.
     */
    public UUID seed(Map<String, Read> reads, List<String> formMessages) {
        return seed(reads, formMessages, 0);
    }

    /** As {@link #seed(Map, List)}, the fax followed by {@code extraPages} pages that are not forms (greyscale). */
    public UUID seed(Map<String, Read> reads, List<String> formMessages, int extraPages) {
        int width = (int) Math.round(210 * PX_PER_MM);
        int height = (int) Math.round(297 * PX_PER_MM);
        Map<String, FieldReading> fields = new LinkedHashMap<>();
        for (JsonNode f : layout.path("fields")) {
            String key = f.path("key").asText();
            Read r = reads.getOrDefault(key, Read.ok(null));
            JsonNode b = f.path("box");
            PixelBox box = new PixelBox(px(b.path("x").asDouble()), px(b.path("y").asDouble()),
                    px(b.path("w").asDouble()), px(b.path("h").asDouble()));
            fields.put(key, new FieldReading(key, r.value(), r.raw(), r.status() == FieldStatus.OK ? 0.97 : 0.55,
                    r.status(), 0, box, r.messages()));
        }
        byte[] png = drawPage(width, height, reads);
        byte[] original = ("%PDF-1.4\n% test fax " + UUID.randomUUID() + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        String sha;
        try {
            sha = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(original));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        // Held under a test claim: the running app's intake takes unclaimed waiting faxes over and would read this
        // made-up original (and fail it) before the case below is recorded.
        FaxDocument fax = faxes.receive(new FaxStore.Receipt("main", "fax-test.pdf", sha, original.length,
                "application/pdf", null, "test-cases", java.time.OffsetDateTime.now().plusDays(1))).fax();
        try {
            Path file = archiveDir.resolve(fax.archivePath());
            Files.createDirectories(file.getParent());
            Files.write(file, original);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faxes.markArchived(fax.id());
        List<PageClassification> classes = new java.util.ArrayList<>();
        List<PageImage> images = new java.util.ArrayList<>();
        classes.add(new PageClassification(0, PageKind.FORM, "covid19-notification", 0.9, 0));
        images.add(new PageImage(0, png, width, height));
        for (int p = 1; p <= extraPages; p++) {
            classes.add(new PageClassification(p, PageKind.COVER, null, 0.1, 0));
            images.add(new PageImage(p, drawOtherPage(width, height, p), width, height));
        }
        FaxReading reading = new FaxReading("fax-test.pdf", classes, images,
                List.of(new FormReading(List.of(0), "covid19-notification", "2021-04", 0.9, fields, formMessages)));
        List<UUID> cases = faxes.markRead(fax.id(), reading, false);
        return cases.get(0);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static int px(double mm) {
        return (int) Math.round(mm * PX_PER_MM);
    }

    /** A page that is not the form (a referral letter, a lab report): grey text on white. */
    private static byte[] drawOtherPage(int width, int height, int page) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font("IPAexGothic", Font.PLAIN, 48));
        g.drawString("検査結果報告書 " + (page + 1), 120, 200);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The blank form from the layout with the read values written in, as a fax page would show them. */
    private byte[] drawPage(int width, int height, Map<String, Read> reads) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(2f));
        for (JsonNode s : layout.path("static")) {
            int x = px(s.path("x").asDouble());
            int y = px(s.path("y").asDouble());
            int w = px(s.path("w").asDouble());
            int h = px(s.path("h").asDouble());
            if (s.path("border").asBoolean(false) || "checkbox".equals(s.path("kind").asText())) {
                g.drawRect(x, y, w, h);
            }
            String text = s.path("text").asText("");
            if (!text.isEmpty()) {
                g.setFont(new Font("IPAexGothic", s.path("bold").asBoolean() ? Font.BOLD : Font.PLAIN,
                        (int) Math.round(s.path("size").asDouble(3.2) * PX_PER_MM * 0.9)));
                g.drawString(text, x + 6, y + h / 2 + g.getFontMetrics().getAscent() / 2 - 4);
            }
        }
        g.setFont(new Font("IPAexMincho", Font.PLAIN, (int) Math.round(4.2 * PX_PER_MM)));
        for (JsonNode f : layout.path("fields")) {
            Read r = reads.get(f.path("key").asText());
            if (r == null) {
                continue;
            }
            if (f.has("options")) {
                for (JsonNode o : f.path("options")) {
                    Object v = r.value();
                    boolean marked = v instanceof Collection<?> c ? c.contains(o.path("value").asText()) : o.path("value").asText().equals(v);
                    if (marked) {
                        JsonNode m = o.path("mark");
                        int x = px(m.path("x").asDouble());
                        int y = px(m.path("y").asDouble());
                        int s = px(m.path("w").asDouble());
                        g.setStroke(new BasicStroke(4f));
                        g.drawLine(x + 3, y + s / 2, x + s / 2, y + s - 3);
                        g.drawLine(x + s / 2, y + s - 3, x + s + 4, y - 4);
                    }
                }
            } else if (r.raw() != null && !r.raw().isEmpty()) {
                JsonNode b = f.path("box");
                g.drawString(r.raw(), px(b.path("x").asDouble()) + 10, px(b.path("y").asDouble() + b.path("h").asDouble()) - 12);
            }
        }
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
