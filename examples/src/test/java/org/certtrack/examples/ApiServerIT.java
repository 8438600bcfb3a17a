package org.certtrack.examples;

import org.certtrack.seed.junit.TestDatabase;

/** {@link ApiServerContract} on PostgreSQL. */
class ApiServerIT extends ApiServerContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
