package org.certtrack.examples;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.certtrack.CertTrack;
import org.certtrack.CertTrackException;
import org.certtrack.examples.Options.UsageException;

/**
 * The README's first command: opens the database {@code DATABASE_URL} names (the embedded H2 database
 * when it is unset), which migrates it, loads the standard data set when it is empty, prints a report,
 * and with {@code --serve} serves the original app's JSON API. {@code --help} lists the options.
 *
 * <pre>java -jar examples/target/certtrack-examples.jar [--reseed SEED] [--engineers N] [--serve [PORT]]</pre>
 */
public final class Main {

    /** Exit status of a run that went well. */
    static final int OK = 0;
    /** Exit status when the database cannot be opened, migrated or loaded. */
    static final int FAILED = 1;
    /** Exit status of a command line that does not parse. */
    static final int USAGE = 2;

    private final PrintStream out;
    private final PrintStream err;
    private final Supplier<CertTrack> database;
    private final DataLoader loader;
    private final Clock clock;
    private final CountDownLatch stopRequested = new CountDownLatch(1);

    Main(PrintStream out, PrintStream err, Supplier<CertTrack> database, DataLoader loader, Clock clock) {
        this.out = requireNonNull(out, "out");
        this.err = requireNonNull(err, "err");
        this.database = requireNonNull(database, "database");
        this.loader = requireNonNull(loader, "loader");
        this.clock = requireNonNull(clock, "clock");
    }

    /** Runs the example; see {@link Options#USAGE}. Exits with 1 on a database failure, 2 on a bad option. */
    public static void main(String[] args) {
        Main main = new Main(System.out, System.err, CertTrack::fromEnvironment, new SeederDataLoader(),
                Clock.systemDefaultZone());
        CountDownLatch finished = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            main.stop();
            try {
                // Let a serving run() close the server and the database before the JVM goes; do not
                // hold up Ctrl-C for long in the middle of a load.
                finished.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "certtrack-shutdown"));
        int status;
        try {
            status = main.run(args);
        } finally {
            finished.countDown();
        }
        if (status != OK) {
            System.exit(status);
        }
    }

    /**
     * Parses {@code args}, reports, and with {@code --serve} serves until {@link #stop()}; returns the exit
     * status. Closes the server and the database before it returns.
     */
    int run(String... args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (UsageException e) {
            err.println("certtrack-examples: " + e.getMessage());
            err.println("Try --help.");
            return USAGE;
        }
        if (options.help()) {
            out.print(Options.USAGE);
            return OK;
        }
        try (CertTrack certTrack = database.get()) {
            out.println("certtrack on " + certTrack);
            load(certTrack, options);
            new Report(clock).print(certTrack, out);
            if (options.servePort().isPresent()) {
                serve(certTrack, options.servePort().getAsInt());
            }
            return OK;
        } catch (CertTrackException | UnsupportedOperationException e) {
            err.println("certtrack-examples: " + e.getMessage());
            return FAILED;
        } catch (UncheckedIOException e) {
            err.println("certtrack-examples: cannot serve on " + e.getMessage());
            return FAILED;
        }
    }

    /** Asks a serving {@link #run} to close the server and the database and return. */
    void stop() {
        stopRequested.countDown();
    }

    private void load(CertTrack certTrack, Options options) {
        long seed = options.reseed().orElse(DataLoader.DEFAULT_SEED);
        if (options.engineers().isPresent()) {
            int engineers = options.engineers().getAsInt();
            out.printf("Loading %,d engineers (seed %d)...%n", engineers, seed);
            loader.loadSized(certTrack, seed, engineers,
                    (done, total) -> out.printf("  %,d of %,d engineers%n", done, total));
        } else if (options.reseed().isPresent()) {
            loader.loadStandard(certTrack, seed);
            out.println("Replaced the data with the standard data set (seed " + seed + ").");
        } else if (certTrack.inTransaction(work -> work.engineers().count() + work.instructors().count()) == 0) {
            loader.loadStandard(certTrack, seed);
            out.println("The database was empty: loaded the standard data set (seed " + seed + ").");
        }
    }

    private void serve(CertTrack certTrack, int port) {
        ApiServer server;
        try {
            server = ApiServer.start(certTrack, port);
        } catch (IOException e) {
            throw new UncheckedIOException("port " + port + ": " + e.getMessage(), e);
        }
        try (server) {
            out.println();
            out.println("Serving the JSON API on " + server.baseUrl() + "/engineers, /certificates, /instructors"
                    + " (Ctrl-C stops it)");
            out.flush();
            stopRequested.await();
            out.println("Stopping.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
