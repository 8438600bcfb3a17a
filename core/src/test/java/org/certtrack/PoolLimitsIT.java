package org.certtrack;

/** {@link PoolLimitsContract} on PostgreSQL. */
class PoolLimitsIT extends PoolLimitsContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
