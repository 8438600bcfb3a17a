package org.certtrack.examples;

import org.certtrack.seed.junit.RequiresPostgres;
import org.certtrack.seed.junit.TestDatabase;

/** {@link ApiServerContract} on PostgreSQL. */
@RequiresPostgres
class ApiServerIT extends ApiServerContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
