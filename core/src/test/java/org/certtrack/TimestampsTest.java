package org.certtrack;

/** {@link TimestampsContract} on the embedded H2 database. */
class TimestampsTest extends TimestampsContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
