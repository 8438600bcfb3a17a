package org.certtrack.spring;

import org.certtrack.seed.junit.RequiresPostgres;
import org.certtrack.seed.junit.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The host-invariance suite on PostgreSQL, with certtrack's starter: the same outcomes as without it. */
@RequiresPostgres
class HostWithStarterIT extends HostInvarianceContract {

    @BeforeAll
    static void openDatabase() {
        useDatabase(TestDatabase.postgres());
    }

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.postgres();
    }

    @Override
    boolean withStarter() {
        return true;
    }

    @Test
    void hibernateLeftCertTracksTablesAsTheMigrationsMadeThem() {
        assertCertTracksSchemaIsTheMigrations();
    }
}
