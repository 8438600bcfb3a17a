package org.certtrack.examples;

import org.certtrack.CertTrack;
import org.certtrack.seed.DataSet;
import org.certtrack.seed.Seeder;

/**
 * {@link Main}'s data from certtrack-seed's {@link Seeder}: the standard data set (10 engineers, 40
 * certificates), or a sized one with two certificates per engineer and one instructor per 50 engineers. Each replaces
 * certtrack's data in one transaction, so a load that fails leaves the data as it was.
 */
final class SeederDataLoader implements DataLoader {

    private static final int CERTIFICATES_PER_ENGINEER = 2;
    private static final int ENGINEERS_PER_INSTRUCTOR = 50;

    @Override
    public void loadStandard(CertTrack certTrack, long seed) {
        Seeder.of(certTrack).withSeed(seed).seed(DataSet.standard());
    }

    @Override
    public void loadSized(CertTrack certTrack, long seed, int engineers, Progress progress) {
        int instructors = Math.max(1, engineers / ENGINEERS_PER_INSTRUCTOR);
        int[] lastTenth = {0};
        Seeder.of(certTrack)
                .withSeed(seed)
                .onProgress(step -> {
                    // The seeder reports every batch; a person wants a line per tenth.
                    int tenth = (int) (10 * step.tableWritten() / Math.max(1, step.tableRows()));
                    if (step.table().equals("engineers") && tenth > lastTenth[0]) {
                        lastTenth[0] = tenth;
                        progress.loaded((int) step.tableWritten(), (int) step.tableRows());
                    }
                })
                .seed(DataSet.sized(engineers, CERTIFICATES_PER_ENGINEER, instructors));
    }
}
