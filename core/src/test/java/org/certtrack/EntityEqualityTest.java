package org.certtrack;

/** {@link EntityEqualityContract} on the embedded H2 database. */
class EntityEqualityTest extends EntityEqualityContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
