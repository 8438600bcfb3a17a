package org.certtrack;

/** {@link SchemaRulesContract} on the embedded H2 database. */
class SchemaRulesTest extends SchemaRulesContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
