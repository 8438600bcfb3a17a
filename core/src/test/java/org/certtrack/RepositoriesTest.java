package org.certtrack;

/** {@link RepositoriesContract} on the embedded H2 database. */
class RepositoriesTest extends RepositoriesContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
