package org.certtrack;

/** {@link TextRulesContract} on PostgreSQL. */
class TextRulesIT extends TextRulesContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
