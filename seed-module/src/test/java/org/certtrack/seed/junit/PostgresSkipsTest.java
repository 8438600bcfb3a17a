package org.certtrack.seed.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.certtrack.seed.internal.PostgresSkipSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * A PostgreSQL test class without PostgreSQL is skipped as a whole, counted as skipped, and summed up in one
 * line with the reason; with {@code CI=true} it fails. The fixtures below run in a launcher of their own,
 * which loads certtrack-seed's listeners from {@code META-INF/services} as a consumer's build does.
 */
class PostgresSkipsTest {

    @Test
    void withoutPostgresAClassIsDisabledWithTheReason() {
        ConditionEvaluationResult result = PostgresCondition.evaluate(false, null);

        assertThat(result.isDisabled()).as("a PostgreSQL test without PostgreSQL is skipped").isTrue();
        assertThat(result.getReason()).hasValue(PostgresSkipSummary.REASON);
        assertThat(PostgresSkipSummary.REASON).as("the reason says what to set, and names no password")
                .contains("CERTTRACK_TEST_JDBC_URL=jdbc:postgresql://", "start Docker");
    }

    @Test
    void withPostgresAClassRunsAndWithoutItCiFails() {
        assertThat(PostgresCondition.evaluate(true, "true").isDisabled()).as("PostgreSQL found: the class runs").isFalse();
        assertThat(PostgresCondition.evaluate(true, null).isDisabled()).isFalse();
        assertThatThrownBy(() -> PostgresCondition.evaluate(false, "true"))
                .as("in CI a missing PostgreSQL fails instead of skipping")
                .hasMessageContaining("CI=true, so PostgreSQL tests must run, not skip");
    }

    @Test
    void skipsAreCountedAndSummedUpInOneLineWithTheReason() {
        Run run = run(SkippedForWantOfPostgres.class, AbortedForWantOfPostgres.class);

        assertThat(run.summary.getContainersSkippedCount()).as("the class without PostgreSQL counts as skipped").isEqualTo(1);
        assertThat(run.summary.getTestsSucceededCount()).as("nothing of the skipped class ran").isZero();
        assertThat(run.summary.getTestsAbortedCount()).as("the test that opened PostgreSQL itself").isEqualTo(1);
        assertThat(run.lines()).as("certtrack's summary line, printed once, counting both classes")
                .containsExactly("certtrack: 4 PostgreSQL tests in 2 classes skipped: no PostgreSQL (set "
                        + "CERTTRACK_TEST_JDBC_URL=jdbc:postgresql://host:5432/db?user=... or start Docker)");
    }

    @Test
    void otherSkipsPrintNothing() {
        Run run = run(DisabledForAnotherReason.class);

        assertThat(run.summary.getContainersSkippedCount()).isEqualTo(1);
        assertThat(run.lines()).as("no certtrack line for skips that are not certtrack's").isEmpty();
    }

    @Test
    void aPostgresClassIsSkippedAsAWholeOrRuns() {
        Run run = run(PostgresExtensionClass.class);

        if (TestDatabase.postgresAvailable()) {
            assertThat(run.summary.getTestsSucceededCount()).as("PostgreSQL is found, so the class runs").isEqualTo(1);
            assertThat(run.lines()).isEmpty();
        } else {
            assertThat(run.summary.getContainersSkippedCount()).as("skipped before @BeforeAll runs").isEqualTo(1);
            assertThat(run.summary.getTotalFailureCount()).as("no lifecycle method ran on a missing database").isZero();
            assertThat(run.lines()).singleElement().asString().startsWith("certtrack: 1 PostgreSQL test in 1 class skipped: ");
        }
    }

    private static Run run(Class<?>... classes) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            Launcher launcher = LauncherFactory.create(); // loads the listeners from META-INF/services
            launcher.execute(request().selectors(List.of(classes).stream().map(c -> selectClass(c)).toList()).build(), summary);
        } finally {
            System.setOut(original);
        }
        return new Run(summary.getSummary(), out.toString(StandardCharsets.UTF_8));
    }

    private record Run(TestExecutionSummary summary, String output) {

        List<String> lines() {
            return output.lines().filter(line -> line.startsWith("certtrack:")).toList();
        }
    }

    /** Disables as {@link RequiresPostgres} does where no PostgreSQL is found, whatever this machine has. */
    static final class NoPostgres implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return PostgresCondition.evaluate(false, null);
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

        @Test
        void three() {
        }
    }

    static class AbortedForWantOfPostgres {

        @Test
        void opensPostgresItself() {
            // What TestDatabase.postgres() throws when it finds none; the summary counts it by its type.
            throw new PostgresSkipSummary.NoPostgres(PostgresCondition.evaluate(false, null).getReason().orElseThrow());
        }
    }

    @Disabled("not certtrack's")
    static class DisabledForAnotherReason {

        @Test
        void never() {
        }
    }

    static class PostgresExtensionClass {

        @RegisterExtension
        static CertTrackExtension db = CertTrackExtension.postgres();

        @Test
        void runs(TestDatabase database) {
            assertThat(database.isPostgres()).isTrue();
        }
    }
}
