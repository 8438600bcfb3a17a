package org.certtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * core's PostgreSQL tests without PostgreSQL: the class is skipped as a whole and counted, and one line at
 * the end of the run says how many and why (certtrack-seed's {@code PostgresSkipsTest} covers the same for
 * consumers). The fixture runs in a launcher of its own, which loads core's test listener from
 * {@code META-INF/services} as Surefire's does.
 */
class PostgresSkipsTest {

    @Test
    void aClassWithoutPostgresIsSkippedCountedAndSummedUp() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            LauncherFactory.create().execute(request().selectors(selectClass(SkippedForWantOfPostgres.class)).build(), summary);
        } finally {
            System.setOut(original);
        }

        assertThat(summary.getSummary().getContainersSkippedCount()).as("the class counts as skipped").isEqualTo(1);
        assertThat(summary.getSummary().getTotalFailureCount()).as("no lifecycle method ran").isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().filter(line -> line.startsWith("certtrack:")).toList();
        assertThat(lines).as("one line with the count and the reason").containsExactly(
                "certtrack: 2 PostgreSQL tests in 1 class skipped: no PostgreSQL (set "
                        + "CERTTRACK_TEST_JDBC_URL=jdbc:postgresql://host:5432/db?user=... or start Docker)");
    }

    @Test
    void withPostgresTheClassRuns() {
        assertThat(PostgresCondition.evaluate(true, PostgresSkipSummary.REASON).isDisabled()).isFalse();
    }

    /** Disables as {@link RequiresPostgres} does where no PostgreSQL is found (outside CI), whatever this machine has. */
    static final class NoPostgres implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return ConditionEvaluationResult.disabled(PostgresSkipSummary.REASON);
        }
    }

    @ExtendWith(NoPostgres.class)
    static class SkippedForWantOfPostgres {

        @BeforeAll
        static void wouldOpenPostgres() {
            throw new AssertionError("a skipped class runs no lifecycle method");
        }

        @Test
        void one() {
        }

        @Test
        void two() {
        }
    }
}
