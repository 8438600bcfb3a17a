package org.certtrack;

/** {@link AssociationsContract} on PostgreSQL. */
@RequiresPostgres
class AssociationsIT extends AssociationsContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
