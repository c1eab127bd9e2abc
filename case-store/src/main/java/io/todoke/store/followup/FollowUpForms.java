package io.todoke.store.followup;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The follow-up definitions of every disease, read once from {@code <configDir>/<disease>.json}; a disease
 * without a file of its own uses {@code default.json}, which must exist. A bad file stops the start with the
 * file and the reason.
 */
public final class FollowUpForms {

    /** The definition a disease without a file of its own, or a case without a disease, is followed up by. */
    public static final String DEFAULT = "default";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .setPropertyNamingStrategy(PropertyNamingStrategies.LOWER_CAMEL_CASE);

    private final Map<String, FollowUpForm> forms;

    public FollowUpForms(Map<String, FollowUpForm> forms) {
        if (!forms.containsKey(DEFAULT)) {
            throw new IllegalArgumentException("follow-up definitions need a " + DEFAULT + ".json");
        }
        this.forms = Map.copyOf(forms);
    }

    public static FollowUpForms load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("follow-up definitions not found: " + dir.toAbsolutePath()
                    + " (todoke.followup.config-dir)");
        }
        Map<String, FollowUpForm> forms = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                String name = file.getFileName().toString();
                forms.put(name.substring(0, name.length() - ".json".length()), read(file));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read follow-up definitions in " + dir + ": " + e.getMessage(), e);
        }
        return new FollowUpForms(forms);
    }

    static FollowUpForm read(Path file) {
        try {
            return JSON.readValue(file.toFile(), FollowUpForm.class);
        } catch (IOException e) {
            throw new IllegalStateException("follow-up definition " + file + " is invalid: " + e.getMessage(), e);
        }
    }

    /** The definition for a disease code, or the default. */
    public FollowUpForm of(String disease) {
        return forms.getOrDefault(disease, forms.get(DEFAULT));
    }

    public Map<String, FollowUpForm> all() {
        return forms;
    }
}
