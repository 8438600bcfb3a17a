package org.certtrack.examples;

/** {@link HostAppWithOwnMigrationsContract} on PostgreSQL. */
class HostAppWithOwnMigrationsIT extends HostAppWithOwnMigrationsContract {

    @Override
    ExampleDatabase openDatabase() {
        return ExampleDatabase.postgres();
    }
}
