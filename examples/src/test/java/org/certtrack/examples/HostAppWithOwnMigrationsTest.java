package org.certtrack.examples;

/** {@link HostAppWithOwnMigrationsContract} on the embedded H2 database. */
class HostAppWithOwnMigrationsTest extends HostAppWithOwnMigrationsContract {

    @Override
    ExampleDatabase openDatabase() {
        return ExampleDatabase.h2();
    }
}
