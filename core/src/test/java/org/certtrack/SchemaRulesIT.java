package org.certtrack;

/** {@link SchemaRulesContract} on PostgreSQL. */
@RequiresPostgres
class SchemaRulesIT extends SchemaRulesContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
