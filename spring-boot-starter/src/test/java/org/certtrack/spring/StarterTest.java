package org.certtrack.spring;

import org.certtrack.seed.junit.TestDatabase;
import org.junit.jupiter.api.BeforeAll;

/** The starter's whole path on H2. */
class StarterTest extends StarterContract {

    @BeforeAll
    static void openDatabase() {
        useDatabase(TestDatabase.h2());
    }
}
