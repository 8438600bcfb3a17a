package org.certtrack;

/** {@link MigrationsContract} on the embedded H2 database. */
class MigrationsTest extends MigrationsContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
