package org.certtrack;

/** {@link KeysetPagesContract} on PostgreSQL. */
@RequiresPostgres
class KeysetPagesIT extends KeysetPagesContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
