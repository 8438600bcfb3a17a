package org.certtrack;

/** {@link PoolLimitsContract} on PostgreSQL. */
@RequiresPostgres
class PoolLimitsIT extends PoolLimitsContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
