package org.certtrack;

/** {@link ReadOnlyUnitsContract} on the embedded H2 database. */
class ReadOnlyUnitsTest extends ReadOnlyUnitsContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
