package org.certtrack;

/** {@link FaultsContract} on the embedded H2 database. */
class FaultsTest extends FaultsContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
