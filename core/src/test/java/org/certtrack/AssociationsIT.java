package org.certtrack;

/** {@link AssociationsContract} on PostgreSQL. */
class AssociationsIT extends AssociationsContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
