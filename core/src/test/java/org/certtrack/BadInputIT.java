package org.certtrack;

/** {@link BadInputContract} on PostgreSQL. */
@RequiresPostgres
class BadInputIT extends BadInputContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
