package org.certtrack;

/** {@link TextRulesContract} on PostgreSQL. */
@RequiresPostgres
class TextRulesIT extends TextRulesContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
