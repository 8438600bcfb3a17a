package org.certtrack;

/** {@link OptimisticLockingContract} on PostgreSQL. */
@RequiresPostgres
class OptimisticLockingIT extends OptimisticLockingContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
