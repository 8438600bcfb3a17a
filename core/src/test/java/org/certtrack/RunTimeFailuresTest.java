package org.certtrack;

/** {@link RunTimeFailuresContract} on the embedded H2 database. */
class RunTimeFailuresTest extends RunTimeFailuresContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
