package org.certtrack.spring;

import org.certtrack.seed.junit.RequiresPostgres;
import org.certtrack.seed.junit.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.TestPropertySource;

/** The host-invariance suite on PostgreSQL, without certtrack's starter: what the host gets on its own. */
@RequiresPostgres
@TestPropertySource(properties = HostInvarianceContract.WITHOUT_STARTER)
class HostWithoutStarterIT extends HostInvarianceContract {

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
        return false;
    }
}
