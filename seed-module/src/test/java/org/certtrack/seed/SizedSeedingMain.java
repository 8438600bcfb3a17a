package org.certtrack.seed;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

import org.certtrack.CertTrack;
import org.certtrack.DatabaseUrl;

/**
 * Seeds a sized data set into the database named by its arguments, in its own JVM, so a test can run it
 * with a small heap ({@link SmallHeapSeeding}). Arguments: JDBC URL, user, engineers, certificates per
 * engineer, instructors, seed; the password, if any, comes in the {@value #PASSWORD_VARIABLE} environment
 * variable. Prints the rows written and the peak heap; exits with 0 on success.
 */
public final class SizedSeedingMain {

    static final String PASSWORD_VARIABLE = "CERTTRACK_SEED_PASSWORD";

    private SizedSeedingMain() {
    }

    public static void main(String[] args) {
        DatabaseUrl url = DatabaseUrl.of(args[0], args[1].isEmpty() ? null : args[1], System.getenv(PASSWORD_VARIABLE));
        DataSet dataSet = DataSet.sized(Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
        try (CertTrack certTrack = CertTrack.builder().url(url).maximumPoolSize(2).build()) {
            SeedResult result = Seeder.of(certTrack).withSeed(Long.parseLong(args[5])).withBatchSize(5_000)
                    .onProgress(progress -> {
                        if (progress.tableWritten() % 50_000 == 0) {
                            System.out.printf("%s %d/%d%n", progress.table(), progress.tableWritten(), progress.tableRows());
                        }
                    })
                    .seed(dataSet);
            long peakHeap = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peakHeap += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf("seeded rows=%d in %d ms, max heap %d MB, peak heap used %d MB%n", result.rows(),
                    result.elapsed().toMillis(), Runtime.getRuntime().maxMemory() >> 20, peakHeap >> 20);
        }
    }
}
