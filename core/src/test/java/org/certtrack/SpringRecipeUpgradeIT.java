package org.certtrack;

/** {@link SpringRecipeUpgradeContract} on PostgreSQL. */
@RequiresPostgres
class SpringRecipeUpgradeIT extends SpringRecipeUpgradeContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
