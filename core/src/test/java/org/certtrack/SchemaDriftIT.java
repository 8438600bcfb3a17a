package org.certtrack;

/** {@link SchemaDriftContract} on PostgreSQL. */
@RequiresPostgres
class SchemaDriftIT extends SchemaDriftContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
