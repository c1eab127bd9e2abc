package io.todoke.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;

/** Test faxes made with PDFBox: good ones carrying their truth, and the bad inputs a gateway may deliver. */
public final class FaxFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FaxFixtures() {
    }

    /** Truth for a fax: a unique id (so every fax has its own content) and one form page per field map. */
    @SafeVarargs
    public static ObjectNode truth(String id, Map<String, Object>... forms) {
        ObjectNode truth = JSON.createObjectNode().put("id", id);
        ArrayNode pages = truth.putArray("pages");
        for (Map<String, Object> form : forms) {
            ObjectNode page = pages.addObject().put("kind", "form");
            page.set("fields", JSON.valueToTree(form));
        }
        return truth;
    }

    public static Map<String, Object> patient(String name, int age) {
        return Map.of("patient_name", name, "age", age, "case_type", "confirmed",
                "patient_address", "兵庫県神戸市中央区加納町6-5-1");
    }

    public static byte[] pdf(ObjectNode truth) {
        try (PDDocument doc = new PDDocument()) {
            int pages = Math.max(1, truth.path("pages").size());
            for (int i = 0; i < pages; i++) {
                doc.addPage(new PDPage());
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setCustomMetadataValue(TruthFaxReader.TRUTH_KEY, truth.toString());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] encryptedPdf(ObjectNode truth) {
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            doc.getDocumentInformation().setCustomMetadataValue(TruthFaxReader.TRUTH_KEY, truth.toString());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user-secret",
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A readable PDF carrying active content no fax has: a JavaScript open action, an embedded executable
     * and a link that launches a program, each on request.
     */
    public static byte[] activePdf(ObjectNode truth, boolean javaScript, boolean embeddedFile, boolean launch) {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            doc.getDocumentInformation().setCustomMetadataValue(TruthFaxReader.TRUTH_KEY, truth.toString());
            if (javaScript) {
                doc.getDocumentCatalog().setOpenAction(
                        new org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript("app.alert('x');"));
            }
            if (embeddedFile) {
                var spec = new org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification();
                spec.setFile("run.exe");
                spec.setEmbeddedFile(new org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile(doc,
                        new java.io.ByteArrayInputStream(new byte[] {'M', 'Z', 0, 0})));
                var tree = new org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode();
                tree.setNames(Map.of("run.exe", spec));
                var names = new org.apache.pdfbox.pdmodel.PDDocumentNameDictionary(doc.getDocumentCatalog());
                names.setEmbeddedFiles(tree);
                doc.getDocumentCatalog().setNames(names);
            }
            if (launch) {
                var link = new org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink();
                var action = new org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch();
                action.setFile(new org.apache.pdfbox.pdmodel.common.filespecification.PDSimpleFileSpecification(
                        new org.apache.pdfbox.cos.COSString("calc.exe")));
                link.setAction(action);
                page.getAnnotations().add(link);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF cut off after its header: what a broken transmission leaves. */
    public static byte[] corruptPdf(ObjectNode truth) {
        byte[] whole = pdf(truth);
        byte[] cut = Arrays.copyOf(whole, 40);
        return cut;
    }

    /** Writes the file whole: first under a dot-name the pickup ignores, then renamed into place. */
    public static Path drop(Path inbox, String name, byte[] content) {
        try {
            Path partial = inbox.resolve("." + name + ".part");
            Files.write(partial, content);
            return Files.move(partial, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
