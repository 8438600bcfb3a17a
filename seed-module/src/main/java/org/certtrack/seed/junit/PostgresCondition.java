package org.certtrack.seed.junit;

import org.certtrack.seed.internal.PostgresSkipSummary;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a test class that needs PostgreSQL when none is found, before any of its lifecycle methods run, or
 * fails it when {@code CI=true}. Used by {@link RequiresPostgres} and by {@link CertTrackExtension#postgres()}.
 */
final class PostgresCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return evaluate(TestDatabase.postgresAvailable(), System.getenv("CI"));
    }

    /**
     * Enabled when PostgreSQL is {@code available}; else disabled with {@link PostgresSkipSummary#REASON}, or,
     * when {@code ci} is {@code true}, an exception that fails the class: in CI a skipped test would check nothing.
     */
    static ConditionEvaluationResult evaluate(boolean available, String ci) {
        if (available) {
            return ConditionEvaluationResult.enabled("PostgreSQL is configured or Docker runs");
        }
        if ("true".equalsIgnoreCase(ci)) {
            throw new IllegalStateException(PostgresSkipSummary.REASON + "; CI=true, so PostgreSQL tests must run, not skip");
        }
        return ConditionEvaluationResult.disabled(PostgresSkipSummary.REASON);
    }
}
