package org.certtrack.seed;

import org.certtrack.seed.junit.CertTrackExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SeederContract} on PostgreSQL. */
class SeederIT extends SeederContract {

    @RegisterExtension
    static CertTrackExtension db = CertTrackExtension.postgres();
}
