package org.certtrack.examples;

import org.certtrack.seed.junit.RequiresPostgres;
import org.certtrack.seed.junit.TestDatabase;

/** {@link HostAppWithOwnMigrationsContract} on PostgreSQL. */
@RequiresPostgres
class HostAppWithOwnMigrationsIT extends HostAppWithOwnMigrationsContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
