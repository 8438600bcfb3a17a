package org.certtrack;

/** {@link PoolLimitsContract} on the embedded H2 database. */
class PoolLimitsTest extends PoolLimitsContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
