package org.certtrack;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a {@link RequiresPostgres} class when no PostgreSQL is found, or fails it when {@code CI=true}. Not for
 * use outside core's tests: a copy of certtrack-seed's {@code PostgresCondition}, for want of a dependency.
 */
final class PostgresCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return evaluate(TestDatabase.postgresAvailable(), PostgresSkipSummary.REASON);
    }

    /**
     * Enabled when {@code available}; else disabled with {@code reason}, or, when {@code CI=true}, an exception
     * that fails the class: in CI a skipped test would check nothing.
     */
    static ConditionEvaluationResult evaluate(boolean available, String reason) {
        if (available) {
            return ConditionEvaluationResult.enabled("PostgreSQL is available");
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(reason + "; CI=true, so PostgreSQL tests must run, not skip");
        }
        return ConditionEvaluationResult.disabled(reason);
    }
}
