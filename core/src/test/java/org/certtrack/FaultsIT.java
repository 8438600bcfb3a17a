package org.certtrack;

/** {@link FaultsContract} on PostgreSQL. */
class FaultsIT extends FaultsContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
