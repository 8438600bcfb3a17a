package org.certtrack.examples;

import org.certtrack.seed.junit.TestDatabase;

/** {@link HostAppWithOwnMigrationsContract} on the embedded H2 database. */
class HostAppWithOwnMigrationsTest extends HostAppWithOwnMigrationsContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
