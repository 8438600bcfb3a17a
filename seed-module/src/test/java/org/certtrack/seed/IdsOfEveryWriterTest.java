package org.certtrack.seed;

import org.certtrack.seed.junit.TestDatabase;

/** {@link IdsOfEveryWriterContract} on H2. */
class IdsOfEveryWriterTest extends IdsOfEveryWriterContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
