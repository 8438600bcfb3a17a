package org.certtrack.seed.junit;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link IsolationContract} on H2, one of two classes. */
class FirstIsolationTest extends IsolationContract {

    @RegisterExtension
    static CertTrackExtension db = CertTrackExtension.embedded().withStandardData();
}
