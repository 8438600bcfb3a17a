package org.certtrack.spring;

import org.certtrack.seed.junit.RequiresPostgres;
import org.certtrack.seed.junit.TestDatabase;
import org.junit.jupiter.api.BeforeAll;

/** The starter's whole path on PostgreSQL, in a schema of its own; skipped, counted, without PostgreSQL. */
@RequiresPostgres
class StarterIT extends StarterContract {

    @BeforeAll
    static void openDatabase() {
        useDatabase(TestDatabase.postgres());
    }
}
