package org.certtrack.seed.junit;

/** {@link CertTrackExtension#embedded()}: an in-memory H2 database per test class. */
final class EmbeddedExtension extends CertTrackExtension {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
