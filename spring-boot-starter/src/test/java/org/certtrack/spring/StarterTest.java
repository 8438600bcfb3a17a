package org.certtrack.spring;

import org.certtrack.seed.junit.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The starter's whole path on H2. */
class StarterTest extends StarterContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabase(TestDatabase.h2(), registry);
    }
}
