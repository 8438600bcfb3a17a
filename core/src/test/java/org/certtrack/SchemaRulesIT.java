package org.certtrack;

/** {@link SchemaRulesContract} on PostgreSQL. */
class SchemaRulesIT extends SchemaRulesContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
