package org.certtrack;

/** {@link SchemaDriftContract} on the embedded H2 database. */
class SchemaDriftTest extends SchemaDriftContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
