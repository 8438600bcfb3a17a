package org.certtrack;

/** {@link MigrationsContract} on PostgreSQL. */
@RequiresPostgres
class MigrationsIT extends MigrationsContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
