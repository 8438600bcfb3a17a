package org.certtrack.examples;

import org.certtrack.seed.junit.TestDatabase;

/** {@link ApiServerContract} on the embedded H2 database. */
class ApiServerTest extends ApiServerContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
