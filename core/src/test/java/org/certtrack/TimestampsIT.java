package org.certtrack;

/** {@link TimestampsContract} on PostgreSQL. */
class TimestampsIT extends TimestampsContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
