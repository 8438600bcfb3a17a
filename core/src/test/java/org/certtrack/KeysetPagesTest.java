package org.certtrack;

/** {@link KeysetPagesContract} on the embedded H2 database. */
class KeysetPagesTest extends KeysetPagesContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
