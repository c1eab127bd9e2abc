package io.todoke.tools.forms;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes the {@code layout.json} of every form in the library that has a source ({@code <form>/form.json}),
 * composed with the shared blocks by {@link FormComposer}; {@code --check} only reports the forms whose committed
 * layout differs from the composition (exit 1).
 *
 * <pre>FormLibrary [--check] [config/forms]</pre>
 */
public final class FormLibrary {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FormLibrary() {
    }

    public static void main(String[] args) throws IOException {
        boolean check = List.of(args).contains("--check");
        Path library = Path.of(List.of(args).stream().filter(a -> !a.startsWith("--")).findFirst().orElse("config/forms"));
        List<String> stale = new ArrayList<>();
        for (Path form : sources(library)) {
            String composed = render(FormComposer.compose(form));
            Path layout = form.resolve("layout.json");
            if (check) {
                if (!Files.isRegularFile(layout) || !Files.readString(layout).equals(composed)) {
                    stale.add(form.getFileName().toString());
                }
            } else {
                Files.writeString(layout, composed);
                System.out.println("wrote " + layout);
            }
        }
        if (!stale.isEmpty()) {
            System.err.println("layout.json differs from its form.json and blocks: " + stale);
            System.exit(1);
        }
    }

    /** The form directories of the library that have a source, by name. */
    public static List<Path> sources(Path library) throws IOException {
        try (Stream<Path> dirs = Files.list(library)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("form.json"))).sorted().toList();
        }
    }

    /** The layout as the library stores it: two-space indented JSON, one line per value, a final newline. */
    public static String render(JsonNode layout) throws IOException {
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        return JSON.writer(pretty).writeValueAsString(layout) + "\n";
    }
}
