package io.todoke.store.jurisdiction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which municipality (with its ward) each postal code belongs to: the file scripts/towns.sh writes from Japan Post's
 * data ({@code code TAB prefecture TAB municipality}, {@code #} comments). Read once per file and kept: the
 * jurisdiction is a configuration record and asks for it on every case.
 */
final class PostalCodes {

    private static final Logger log = LoggerFactory.getLogger(PostalCodes.class);
    private static final Map<Path, PostalCodes> LOADED = new ConcurrentHashMap<>();

    private final Map<String, String> places;

    private PostalCodes(Map<String, String> places) {
        this.places = places;
    }

    static PostalCodes of(Path file) {
        return LOADED.computeIfAbsent(file.toAbsolutePath().normalize(), PostalCodes::read);
    }

    /** The place a 7-digit postal code belongs to, as an address would start: prefecture and municipality. */
    Optional<String> place(String code) {
        return Optional.ofNullable(places.get(code));
    }

    int size() {
        return places.size();
    }

    private static PostalCodes read(Path file) {
        if (!Files.isRegularFile(file)) {
            // A jurisdiction may have no list; the check is then skipped, said once rather than per case.
            log.warn("todoke.jurisdiction.postal-codes: {} not found; postal codes are not checked against wards",
                    file);
            return new PostalCodes(Map.of());
        }
        Map<String, String> places = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length < 3 || !cols[0].matches("\\d{7}")) {
                    throw new IllegalArgumentException("todoke.jurisdiction.postal-codes: " + file
                            + ": expected 'code<TAB>prefecture<TAB>municipality', got a line with " + cols.length
                            + " columns");
                }
                places.put(cols[0], cols[1] + cols[2]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.info("Postal codes: {} from {}", places.size(), file);
        return new PostalCodes(Map.copyOf(places));
    }
}
