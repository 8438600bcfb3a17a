package org.certtrack.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The child JVMs the benchmarks start (the example server, the peer, cold starts, the small-heap seed), with
 * every wait on them bounded: a child that hangs is killed, and the benchmark fails saying which limit it hit.
 */
final class Processes {

    /** How long a child may take to stop when asked, before it is killed. */
    static final Duration STOP_LIMIT = Duration.ofSeconds(30);

    private static final ScheduledExecutorService KILLER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "certtrack-benchmark-process-killer");
        thread.setDaemon(true);
        return thread;
    });

    private Processes() {
    }

    /** A deadline on a running child: kills it when it passes, so that a blocking read of its output ends. */
    interface Deadline extends AutoCloseable {

        /** Whether the child was killed for running past the deadline. */
        boolean passed();

        /** Cancels the deadline. */
        @Override
        void close();
    }

    /** Kills {@code process} when it still runs after {@code limit}; close the deadline to cancel it. */
    static Deadline killAfter(Process process, Duration limit) {
        AtomicBoolean killed = new AtomicBoolean();
        ScheduledFuture<?> kill = KILLER.schedule(() -> {
            killed.set(process.isAlive());
            process.destroyForcibly();
        }, limit.toMillis(), TimeUnit.MILLISECONDS);
        return new Deadline() {
            @Override
            public boolean passed() {
                return killed.get();
            }

            @Override
            public void close() {
                kill.cancel(false);
            }
        };
    }

    /**
     * Runs {@code command} to its end, handing each line it prints (standard output and error) to
     * {@code eachLine}, and returns everything it printed.
     *
     * @throws IllegalStateException if it exits with a failure or runs longer than {@code limit} (then killed)
     */
    static String run(List<String> command, Duration limit, Consumer<String> eachLine) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        try (Deadline deadline = killAfter(process, limit);
             BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                eachLine.accept(line);
                output.append(line).append('\n');
            }
            if (!process.waitFor(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS) || deadline.passed()) {
                process.destroyForcibly();
                throw new IllegalStateException("it ran longer than its limit of " + limit.toSeconds() + " s and was killed:\n" + output);
            }
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("it failed (exit " + process.exitValue() + "):\n" + output);
        }
        return output.toString();
    }

    /** Asks {@code process} to stop, and kills it when it has not within {@link #STOP_LIMIT}. */
    static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
