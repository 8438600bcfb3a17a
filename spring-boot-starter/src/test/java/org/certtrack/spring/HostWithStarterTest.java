package org.certtrack.spring;

import org.certtrack.seed.junit.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The host-invariance suite on H2, with certtrack's starter: the same outcomes as without it. */
class HostWithStarterTest extends HostInvarianceContract {

    @BeforeAll
    static void openDatabase() {
        useDatabase(TestDatabase.h2());
    }

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2();
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
