package org.certtrack.seed.junit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@link CertTrackExtension#postgres()}: a PostgreSQL schema per test class; the class is skipped before any
 * of its lifecycle methods run when no PostgreSQL is found (fails when {@code CI=true}).
 */
final class PostgresExtension extends CertTrackExtension {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return new PostgresCondition().evaluateExecutionCondition(context);
    }
}
