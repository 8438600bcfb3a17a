package org.certtrack.examples;

/** {@link ApiServerContract} on the embedded H2 database. */
class ApiServerTest extends ApiServerContract {

    @Override
    ExampleDatabase openDatabase() {
        return ExampleDatabase.h2();
    }
}
