package org.certtrack.spring;

import org.certtrack.seed.junit.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.TestPropertySource;

/** The host-invariance suite on H2, without certtrack's starter: what the host gets on its own. */
@TestPropertySource(properties = HostInvarianceContract.WITHOUT_STARTER)
class HostWithoutStarterTest extends HostInvarianceContract {

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
        return false;
    }
}
