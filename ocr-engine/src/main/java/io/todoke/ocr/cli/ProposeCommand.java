package io.todoke.ocr.cli;

import io.todoke.ocr.DecodeLimits;
import io.todoke.ocr.TemplateProposals;
import io.todoke.ocr.UnreadableFaxException;
import io.todoke.ocr.engine.EngineConfig;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code todoke propose BLANK_FORM [--templates DIR] [--tessdata DIR] [--exclude FORM_ID]...}: prints a proposed
 * {@code layout.json} for a blank form (PDF, fax or scan), its fields named from the vocabulary of the layouts under
 * {@code --templates} (less the excluded forms). Exit code 2 when the file is unreadable, 64 on wrong usage.
 */
final class ProposeCommand {

    private ProposeCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        EngineConfig config = EngineConfig.defaults();
        List<String> excluded = new ArrayList<>();
        Path file = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--") && i + 1 >= args.length) {
                err.println("missing value for " + a + "; " + TodokeCli.USAGE);
                return 64;
            }
            switch (a) {
                case "--templates" -> config = config.withTemplates(Path.of(args[++i]));
                case "--tessdata" -> config = config.withTessdata(Path.of(args[++i]));
                case "--exclude" -> excluded.add(args[++i]);
                default -> {
                    if (a.startsWith("--") || file != null) {
                        err.println("unexpected " + a + "; " + TodokeCli.USAGE);
                        return 64;
                    }
                    file = Path.of(a);
                }
            }
        }
        if (file == null) {
            err.println(TodokeCli.USAGE);
            return 64;
        }
        try (TemplateProposals proposals = new TemplateProposals(config.templates(), config.tessdata(), DecodeLimits.DEFAULTS)) {
            TemplateProposals.Proposal p = proposals.propose(file, excluded);
            out.println(p.layoutJson());
            err.printf("proposed %d fields, %d named from the library%n", p.fields(), p.known());
            return 0;
        } catch (UnreadableFaxException e) {
            err.println(file + ": unreadable (" + e.reason().name().toLowerCase(java.util.Locale.ROOT) + "): " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            err.println("todoke: " + e.getMessage());
            return 64;
        }
    }
}
