package org.certtrack;

/** {@link SpringRecipeUpgradeContract} on the embedded H2 database. */
class SpringRecipeUpgradeTest extends SpringRecipeUpgradeContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
