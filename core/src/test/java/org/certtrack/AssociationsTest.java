package org.certtrack;

/** {@link AssociationsContract} on the embedded H2 database. */
class AssociationsTest extends AssociationsContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
