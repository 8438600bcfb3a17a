package org.certtrack.seed.internal;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.platform.engine.TestExecutionResult;
import org.opentest4j.TestAbortedException;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints one line at the end of a test run when certtrack skipped PostgreSQL tests, with how many and why:
 * {@code certtrack: 37 PostgreSQL tests in 15 classes skipped: no PostgreSQL (set ...)}. Surefire, Failsafe,
 * Gradle and IDEs show a skipped class without its reason; this line is where a newcomer sees it.
 *
 * <p>Registered through {@code META-INF/services}, so it runs in every test JVM that has certtrack-seed on
 * its classpath; it only counts skips and aborts whose reason starts with {@code "certtrack: "} (such as
 * {@link #REASON}), prints one line per reason, and nothing when there are none.
 */
public final class PostgresSkipSummary implements TestExecutionListener {

    /** The reason a PostgreSQL test class is skipped with; the summary counts skips that start with it. */
    public static final String REASON = "certtrack: no PostgreSQL (set CERTTRACK_TEST_JDBC_URL"
            + "=jdbc:postgresql://host:5432/db?user=... or start Docker)";

    private static final String PREFIX = "certtrack: ";

    private final PrintStream out;
    private volatile TestPlan plan;
    /** Per reason: how many tests, in which classes. */
    private final Map<String, Skips> skips = new LinkedHashMap<>();

    /** For {@link java.util.ServiceLoader}: prints to {@code System.out}. */
    public PostgresSkipSummary() {
        this(System.out);
    }

    PostgresSkipSummary(PrintStream out) {
        this.out = out;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        synchronized (skips) {
            skips.clear();
        }
    }

    @Override
    public void executionSkipped(TestIdentifier identifier, String reason) {
        if (reason != null && reason.startsWith(PREFIX)) {
            count(identifier, reason);
        }
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        // TestDatabase.postgres() called in a test or a lifecycle method aborts with the same reason.
        if (result.getStatus() == TestExecutionResult.Status.ABORTED
                && result.getThrowable().orElse(null) instanceof NoPostgres aborted) {
            count(identifier, aborted.reason());
        }
    }

    /** How {@code TestDatabase.postgres()} aborts a test when no PostgreSQL is found: told apart by its type. */
    public static final class NoPostgres extends TestAbortedException {

        private static final long serialVersionUID = 1L;

        private final String reason;

        /** An abort for want of PostgreSQL, with the reason the summary prints. */
        public NoPostgres(String reason) {
            super(reason);
            this.reason = reason;
        }

        /** Why the test was aborted. */
        public String reason() {
            return reason;
        }
    }

    private void count(TestIdentifier identifier, String reason) {
        // A skipped class's test methods (a parameterized one counts once, as Surefire counts them).
        long tests = identifier.isTest() ? 1 : Math.max(1, plan == null ? 0 : plan.getDescendants(identifier).stream()
                .filter(descendant -> descendant.getSource().filter(MethodSource.class::isInstance).isPresent()).count());
        synchronized (skips) {
            Skips counted = skips.computeIfAbsent(reason, r -> new Skips());
            counted.tests += (int) tests;
            className(identifier).ifPresent(counted.classes::add);
        }
    }

    /** The test class a skipped class or test belongs to. */
    private static Optional<String> className(TestIdentifier identifier) {
        return identifier.getSource().map(source -> source instanceof ClassSource type ? type.getClassName()
                : source instanceof MethodSource method ? method.getClassName() : null);
    }

    /** How many tests one reason skipped, and in which classes. */
    private static final class Skips {
        int tests;
        final Set<String> classes = new HashSet<>();
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        synchronized (skips) {
            skips.forEach((reason, counted) -> out.println(PREFIX + counted.tests + " PostgreSQL test"
                    + (counted.tests == 1 ? "" : "s")
                    + (counted.classes.isEmpty() ? "" : " in " + counted.classes.size() + " class"
                    + (counted.classes.size() == 1 ? "" : "es"))
                    + " skipped: " + reason.substring(PREFIX.length())));
        }
        out.flush();
    }
}
