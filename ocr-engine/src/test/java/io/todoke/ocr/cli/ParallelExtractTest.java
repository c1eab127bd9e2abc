package io.todoke.ocr.cli;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Many files are read on several threads at once and printed in the order they were given. */
class ParallelExtractTest {

    @Test
    void aLaterFileIsReadWhileAnEarlierOneIsStillBeingReadAndOutputKeepsTheGivenOrder() {
        CountDownLatch secondRead = new CountDownLatch(1);
        List<Callable<TodokeCli.Outcome>> readings = List.of(
                () -> {
                    // finishes only once the second file has been read: on one thread this would never happen
                    boolean overlapped = secondRead.await(5, TimeUnit.MINUTES);
                    return new TodokeCli.Outcome("first " + overlapped, null, 0);
                },
                () -> {
                    secondRead.countDown();
                    return new TodokeCli.Outcome(null, "second", 2);
                },
                () -> new TodokeCli.Outcome("third", null, 0));
        List<String> printed = new ArrayList<>();

        TodokeCli.inOrder(readings, 2, o -> printed.add(o.json() != null ? o.json() : o.error()));

        assertThat(printed).containsExactly("first true", "second", "third");
    }

    @Test
    void oneThreadReadsTheFilesInTurn() {
        List<String> order = new ArrayList<>();
        List<Callable<TodokeCli.Outcome>> readings = List.of(
                () -> {
                    order.add("a");
                    return new TodokeCli.Outcome("a", null, 0);
                },
                () -> {
                    order.add("b");
                    return new TodokeCli.Outcome("b", null, 0);
                });
        List<String> printed = new ArrayList<>();

        TodokeCli.inOrder(readings, 1, o -> printed.add(o.json()));

        assertThat(printed).containsExactly("a", "b");
        assertThat(order).containsExactly("a", "b");
    }

    @Test
    void aThreadCountBelowOneIsAUsageError() {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int exit = TodokeCli.run(new String[] {"extract", "a.pdf", "--threads", "0"},
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), new java.io.PrintStream(err, true,
                        java.nio.charset.StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(64);
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("--threads");
    }
}
