package org.certtrack;

/** {@link EntityEqualityContract} on PostgreSQL. */
@RequiresPostgres
class EntityEqualityIT extends EntityEqualityContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
