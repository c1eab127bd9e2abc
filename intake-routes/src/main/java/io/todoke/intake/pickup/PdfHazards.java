package io.todoke.intake.pickup;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Active content in a PDF that a fax never carries: JavaScript (also as an open action), embedded files, and
 * launch actions. Such a file is still read (its page images are what clerks see) but flagged on the fax and
 * its cases, and its original is only ever served as a download.
 */
public class PdfHazards {

    /** Objects looked at at most; a hostile file cannot make the walk unbounded. */
    static final int MAX_OBJECTS = 200_000;

    private static final COSName JAVA_SCRIPT = COSName.getPDFName("JavaScript");
    private static final COSName JS = COSName.getPDFName("JS");
    private static final COSName LAUNCH = COSName.getPDFName("Launch");
    private static final COSName EMBEDDED_FILE = COSName.getPDFName("EmbeddedFile");
    private static final COSName EMBEDDED_FILES = COSName.getPDFName("EmbeddedFiles");
    private static final COSName FILE_ATTACHMENT = COSName.getPDFName("FileAttachment");

    /** A Japanese description of what was found, or null for none (or a file PDFBox cannot open: the engine says why). */
    public String inspect(Path file, long maxBytes) {
        try {
            if (java.nio.file.Files.size(file) > maxBytes) {
                return null;
            }
            try (PDDocument pdf = Loader.loadPDF(file.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
                return describe(walk(pdf.getDocumentCatalog().getCOSObject()));
            }
        } catch (Exception | StackOverflowError e) {
            return null;
        }
    }

    static String describe(Set<String> found) {
        return found.isEmpty() ? null
                : "注意: このPDFには " + String.join("・", found) + " が含まれています（FAXには通常ありません。原本は開かず、ページ画像で確認してください）";
    }

    private static Set<String> walk(COSDictionary root) {
        Set<String> found = new LinkedHashSet<>();
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<COSBase> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty() && seen.size() < MAX_OBJECTS) {
            COSBase next = todo.pop();
            if (next instanceof COSObject reference) {
                next = reference.getObject();
            }
            if (next == null || !seen.add(next)) {
                continue;
            }
            if (next instanceof COSDictionary dict) {
                COSName subtype = dict.getCOSName(COSName.S);
                if (JAVA_SCRIPT.equals(subtype) || dict.containsKey(JS)) {
                    found.add("JavaScript");
                }
                if (LAUNCH.equals(subtype)) {
                    found.add("外部プログラムを起動する動作（Launch）");
                }
                if (EMBEDDED_FILE.equals(dict.getCOSName(COSName.TYPE)) || dict.containsKey(EMBEDDED_FILES)
                        || dict.containsKey(COSName.EF) || FILE_ATTACHMENT.equals(dict.getCOSName(COSName.SUBTYPE))) {
                    found.add("埋め込みファイル");
                }
                for (COSName key : dict.keySet()) {
                    if (!COSName.PARENT.equals(key)) {
                        todo.push(dict.getItem(key));
                    }
                }
            } else if (next instanceof COSArray array) {
                for (int i = 0; i < array.size(); i++) {
                    todo.push(array.get(i));
                }
            }
        }
        return found;
    }
}
