package org.certtrack.seed;

import org.certtrack.seed.junit.RequiresPostgres;
import org.certtrack.seed.junit.TestDatabase;

/** {@link IdsOfEveryWriterContract} on PostgreSQL. */
@RequiresPostgres
class IdsOfEveryWriterIT extends IdsOfEveryWriterContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
