package org.certtrack;

/** {@link TextRulesContract} on the embedded H2 database. */
class TextRulesTest extends TextRulesContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
