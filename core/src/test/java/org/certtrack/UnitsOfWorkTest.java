package org.certtrack;

/** {@link UnitsOfWorkContract} on the embedded H2 database. */
class UnitsOfWorkTest extends UnitsOfWorkContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
