package org.certtrack.seed;

import static org.assertj.core.api.Assertions.assertThat;

import org.certtrack.CertTrack;
import org.certtrack.seed.junit.CertTrackExtension;
import org.certtrack.seed.junit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sized data set of 200,000 engineers (and as many certificates) streams into PostgreSQL (COPY) from a
 * JVM with a 256 MB heap. PostgreSQL only: an in-memory H2 database holds its data in the heap itself, and
 * H2's file mode takes half a minute for the single 400,000-row transaction.
 */
class SmallHeapSeedingIT {

    @RegisterExtension
    static CertTrackExtension db = CertTrackExtension.postgres();

    @Test
    void twoHundredThousandEngineersIn256Megabytes(TestDatabase database, CertTrack certTrack) throws Exception {
        String output = SmallHeapSeeding.run(database.url());

        assertThat(output).contains("max heap 256 MB");
        assertThat(Dump.count(certTrack.dataSource(), "engineers")).isEqualTo(SmallHeapSeeding.ENGINEERS);
        assertThat(Dump.count(certTrack.dataSource(), "certificates"))
                .isEqualTo((long) SmallHeapSeeding.ENGINEERS * SmallHeapSeeding.CERTIFICATES_PER_ENGINEER);
        assertThat(Dump.count(certTrack.dataSource(), "instructors")).isEqualTo(SmallHeapSeeding.INSTRUCTORS);
    }
}
