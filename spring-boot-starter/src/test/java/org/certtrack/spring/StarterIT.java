package org.certtrack.spring;

import org.certtrack.seed.junit.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The starter's whole path on PostgreSQL, in a schema of its own. */
class StarterIT extends StarterContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabase(TestDatabase.postgres(), registry);
    }
}
