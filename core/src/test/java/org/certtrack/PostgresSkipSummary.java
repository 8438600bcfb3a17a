package org.certtrack;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.platform.engine.TestExecutionResult;
import org.opentest4j.TestAbortedException;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints one line at the end of a test run when certtrack skipped PostgreSQL tests, with how many and why:
 * {@code certtrack: 37 PostgreSQL tests in 15 classes skipped: no PostgreSQL (set ...)}. Surefire, Failsafe,
 * Gradle and IDEs show a skipped class without its reason; this line is where a newcomer sees it.
 *
 * <p><b>Not for use outside core's tests.</b> A copy of certtrack-seed's
 * {@code org.certtrack.seed.internal.PostgresSkipSummary}, which prints the same line for every module that
 * tests with certtrack-seed: core cannot depend on certtrack-seed, which depends on core, and a listener in
 * core's shipped jar would run in every application's test JVM. Registered through core's test
 * {@code META-INF/services}; it counts only skips and aborts whose reason starts with {@code "certtrack: "}.
 */
public final class PostgresSkipSummary implements TestExecutionListener {

    /** The reason a PostgreSQL test class is skipped with; the summary counts skips that start with it. */
    public static final String REASON = "certtrack: no PostgreSQL (set CERTTRACK_TEST_JDBC_URL"
            + "=jdbc:postgresql://host:5432/db?user=... or start Docker)";

    private static final String PREFIX = "certtrack: ";

    private volatile TestPlan plan;
    /** Per reason: how many tests, how many classes. */
    private final Map<String, int[]> skips = new LinkedHashMap<>();

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
            int[] counts = skips.computeIfAbsent(reason, r -> new int[2]);
            counts[0] += (int) tests;
            counts[1] += identifier.isTest() ? 0 : 1;
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        synchronized (skips) {
            skips.forEach((reason, counts) -> System.out.println(PREFIX + counts[0] + " PostgreSQL test" + (counts[0] == 1 ? "" : "s")
                    + (counts[1] == 0 ? "" : " in " + counts[1] + " class" + (counts[1] == 1 ? "" : "es"))
                    + " skipped: " + reason.substring(PREFIX.length())));
        }
        System.out.flush();
    }
}
