package org.certtrack;

/** {@link TimestampsContract} on PostgreSQL. */
@RequiresPostgres
class TimestampsIT extends TimestampsContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
