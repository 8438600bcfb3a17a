package org.certtrack;

/** {@link FaultsContract} on PostgreSQL. */
@RequiresPostgres
class FaultsIT extends FaultsContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
