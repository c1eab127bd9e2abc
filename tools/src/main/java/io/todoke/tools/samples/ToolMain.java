package io.todoke.tools.samples;

/** How the sample tools' command lines end: a bad option prints the reason and the usage, and exits 2. */
final class ToolMain {

    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    private ToolMain() {
    }

    static void run(String usage, Body body) throws Exception {
        try {
            body.run();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(usage);
            System.exit(2);
        }
    }
}
