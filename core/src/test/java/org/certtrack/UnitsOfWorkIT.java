package org.certtrack;

/** {@link UnitsOfWorkContract} on PostgreSQL. */
@RequiresPostgres
class UnitsOfWorkIT extends UnitsOfWorkContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
