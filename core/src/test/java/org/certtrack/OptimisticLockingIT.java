package org.certtrack;

/** {@link OptimisticLockingContract} on PostgreSQL. */
class OptimisticLockingIT extends OptimisticLockingContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
