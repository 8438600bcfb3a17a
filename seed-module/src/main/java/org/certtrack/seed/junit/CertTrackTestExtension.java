package org.certtrack.seed.junit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * What {@link CertTrackTest} registers: the extension its attributes describe, made from them when it
 * is needed. Only the class-level decisions (whether to run, which database and preload) read the annotation; the
 * rest works on the class's database once it is open, as for any {@link CertTrackExtension}.
 */
final class CertTrackTestExtension extends CertTrackExtension {

    /** The extension {@code test}'s attributes describe. */
    private static CertTrackExtension describedBy(CertTrackTest test) {
        CertTrackExtension extension = test.database().factory.get();
        if (test.standardData()) {
            extension.withStandardData();
        }
        if (test.seed().length > 0) {
            extension.withSeed(test.seed()[0]);
        }
        return extension;
    }

    /** The extension the test class's annotation describes; {@link #create()} for a class without one (a {@code @Nested} class). */
    private static CertTrackExtension describedBy(ExtensionContext context) {
        return AnnotationSupport.findAnnotation(context.getRequiredTestClass(), CertTrackTest.class)
                .map(CertTrackTestExtension::describedBy).orElseGet(CertTrackExtension::create);
    }

    @Override
    TestDatabase openDatabase() {
        throw new UnsupportedOperationException("beforeAll opens the database of the extension @CertTrackTest describes");
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return describedBy(context).evaluateExecutionCondition(context);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        describedBy(context).beforeAll(context);
    }
}
