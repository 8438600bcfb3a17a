package org.certtrack;

/** {@link BadInputContract} on the embedded H2 database. */
class BadInputTest extends BadInputContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
