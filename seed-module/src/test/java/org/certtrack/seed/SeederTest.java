package org.certtrack.seed;

import org.certtrack.seed.junit.CertTrackExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SeederContract} on H2. */
class SeederTest extends SeederContract {

    @RegisterExtension
    static CertTrackExtension db = CertTrackExtension.embedded();
}
