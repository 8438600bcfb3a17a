package org.certtrack;

/** {@link OptimisticLockingContract} on the embedded H2 database. */
class OptimisticLockingTest extends OptimisticLockingContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
