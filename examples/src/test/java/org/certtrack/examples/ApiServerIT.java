package org.certtrack.examples;

/** {@link ApiServerContract} on PostgreSQL. */
class ApiServerIT extends ApiServerContract {

    @Override
    ExampleDatabase openDatabase() {
        return ExampleDatabase.postgres();
    }
}
