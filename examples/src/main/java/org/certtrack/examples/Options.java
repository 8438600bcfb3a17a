package org.certtrack.examples;

import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The command line of {@link Main}, parsed.
 *
 * @param help      {@code --help}: print the usage and stop
 * @param reseed    {@code --reseed SEED}: replace the data with the data set this random seed makes
 * @param engineers {@code --engineers N}: replace the data with a data set of N engineers
 * @param servePort {@code --serve [port]}: after the report, serve the JSON API on this port (0: any free one)
 */
record Options(boolean help, OptionalLong reseed, OptionalInt engineers, OptionalInt servePort) {

    /** The port {@code --serve} uses when none follows it. */
    static final int DEFAULT_PORT = 5555;
    /** The most engineers {@code --engineers} accepts. */
    static final int MAX_ENGINEERS = 1_000_000;

    static final String USAGE = """
            Usage: java -jar examples/target/certtrack-examples.jar [options]

            Opens the database DATABASE_URL names (else the embedded H2 database in ./certtrack-data/),
            migrates it, loads the standard data set if it is empty, and prints a report: engineers with
            their certificates, instructors with their engineers, certificates expiring this year.

            Options:
              --reseed SEED     replace certtrack's data with the standard data set made from this random
                                seed (a whole number), then report
              --engineers N     replace certtrack's data with a data set of N engineers (1 to %,d),
                                showing progress, then report; uses the --reseed seed when given
              --serve [PORT]    after the report, serve the read-only JSON API on PORT (default %d; 0 picks
                                a free port) until stopped with Ctrl-C
              --help            print this help and exit
            """.formatted(MAX_ENGINEERS, DEFAULT_PORT);

    /**
     * Parses the command line.
     *
     * @throws UsageException naming the option and the bad value
     */
    static Options parse(String... args) {
        boolean help = false;
        OptionalLong reseed = OptionalLong.empty();
        OptionalInt engineers = OptionalInt.empty();
        OptionalInt servePort = OptionalInt.empty();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> help = true;
                case "--reseed" -> {
                    requireAbsent(arg, reseed.isPresent());
                    String value = valueOf(args, ++i, arg, "SEED");
                    try {
                        reseed = OptionalLong.of(Long.parseLong(value));
                    } catch (NumberFormatException e) {
                        throw new UsageException(arg + " needs a whole number as its random seed, but was \"" + value + "\"");
                    }
                }
                case "--engineers" -> {
                    requireAbsent(arg, engineers.isPresent());
                    String value = valueOf(args, ++i, arg, "N");
                    engineers = OptionalInt.of(intBetween(arg, value, 1, MAX_ENGINEERS, "a number of engineers"));
                }
                case "--serve" -> {
                    requireAbsent(arg, servePort.isPresent());
                    if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                        servePort = OptionalInt.of(intBetween(arg, args[++i], 0, 65_535, "a port"));
                    } else {
                        servePort = OptionalInt.of(DEFAULT_PORT);
                    }
                }
                default -> throw new UsageException(arg.startsWith("-")
                        ? "unknown option \"" + arg + "\""
                        : "unexpected argument \"" + arg + "\"");
            }
        }
        return new Options(help, reseed, engineers, servePort);
    }

    private static void requireAbsent(String option, boolean alreadyGiven) {
        if (alreadyGiven) {
            throw new UsageException(option + " is given more than once");
        }
    }

    private static String valueOf(String[] args, int index, String option, String name) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new UsageException(option + " needs a value: " + option + " " + name);
        }
        return args[index];
    }

    private static int intBetween(String option, String value, int min, int max, String what) {
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, with the bounds
        }
        throw new UsageException(option + " needs " + what + " from " + min + " to " + max + ", but was \"" + value + "\"");
    }

    /** A command line {@link #parse} cannot make sense of; the message names the option and the value. */
    static final class UsageException extends IllegalArgumentException {

        UsageException(String message) {
            super(message);
        }
    }
}
