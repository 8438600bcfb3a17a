package org.certtrack.seed.junit;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link IsolationContract} on PostgreSQL, one of two classes sharing the server. */
class SecondIsolationIT extends IsolationContract {

    @RegisterExtension
    static CertTrackExtension db = CertTrackExtension.postgres().withStandardData();
}
