package org.certtrack;

/** {@link RepositoriesContract} on PostgreSQL. */
@RequiresPostgres
class RepositoriesIT extends RepositoriesContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
