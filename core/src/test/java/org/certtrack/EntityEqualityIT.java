package org.certtrack;

/** {@link EntityEqualityContract} on PostgreSQL. */
class EntityEqualityIT extends EntityEqualityContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
