package io.todoke.store.fax;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The names a fax's files are stored under. They are ours, not the gateway's: a received name may be of any
 * length and hold any character, so it is data (kept in the database) and only a short, harmless form of it
 * follows the fax id in a file name.
 */
public final class StoredNames {

    /** Bytes of the received name kept in stored file names (after the fax id); far below 255 with the id. */
    static final int NAME_SUFFIX_BYTES = 120;

    private StoredNames() {
    }

    /**
     * The name a fax's files are stored under: the fax id and a short, harmless form of the received name, so
     * any received name (of any length, with any characters) gives a valid file name well under 255 bytes.
     */
    public static String storedName(UUID faxId, String fileName) {
        return faxId + "-" + safeName(fileName);
    }

    /**
     * The received name reduced to letters, digits, '.', '-' and '_' (others become '_'), at most
     * {@value #NAME_SUFFIX_BYTES} bytes of UTF-8, keeping its extension; never hidden, never empty.
     */
    public static String safeName(String fileName) {
        String name = fileName == null ? "" : fileName.replaceAll("[^\\p{L}\\p{N}._-]", "_");
        name = name.replaceAll("^\\.+", "_");
        if (name.isBlank() || name.chars().allMatch(c -> c == '_')) {
            name = "fax" + name;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
        String stem = name.substring(0, name.length() - ext.length());
        int budget = NAME_SUFFIX_BYTES - utf8(ext);
        StringBuilder kept = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < stem.length(); ) {
            int cp = stem.codePointAt(i);
            int n = utf8(new String(Character.toChars(cp)));
            if (bytes + n > budget) {
                break;
            }
            kept.appendCodePoint(cp);
            bytes += n;
            i += Character.charCount(cp);
        }
        return kept + ext;
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
