package org.certtrack;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * Many writers at once on PostgreSQL: 8 threads each run 500 units of work that add, rename and remove
 * certificates of 16 shared engineers and 8 shared instructors, retrying on conflict. Every success is
 * recorded; afterwards the database holds exactly what succeeded (each surviving certificate with the
 * title of its last committed rename and one version per rename), no orphan row, and no broken rule.
 */
@RequiresPostgres
class ConcurrentLoadIT extends DatabaseContract {

    private static final int THREADS = 8;
    private static final int UNITS_PER_THREAD = 500;
    private static final int ENGINEERS = 16;
    private static final int INSTRUCTORS = 8;
    private static final RetryPolicy RETRY = new RetryPolicy(30, Duration.ofMillis(2));

    // What committed, recorded only after inTransaction returned.
    private final Set<Long> added = ConcurrentHashMap.newKeySet();
    private final Set<Long> removed = ConcurrentHashMap.newKeySet();
    private final Map<Long, String> originalTitles = new ConcurrentHashMap<>();
    private final Map<Long, Queue<Rename>> renames = new ConcurrentHashMap<>();
    private final Map<Long, Boolean> live = new ConcurrentHashMap<>();
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong vanished = new AtomicLong();
    private final AtomicLong gaveUp = new AtomicLong();

    private record Rename(long version, String title) {
    }

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }

    @Override
    protected CertTrackBuilder configure(CertTrackBuilder builder) {
        return builder.maximumPoolSize(THREADS);
    }

    @Test
    void concurrentWritersLoseNothingAndBreakNoRule() throws Exception {
        List<Long> engineerIds = new ArrayList<>();
        List<Long> instructorIds = new ArrayList<>();
        certTrack.useTransaction(work -> {
            for (int i = 0; i < ENGINEERS; i++) {
                engineerIds.add(work.engineers().add(new Engineer("Engineer " + i, "backend", 30 + i)).getId());
            }
            for (int i = 0; i < INSTRUCTORS; i++) {
                instructorIds.add(work.instructors().add(new Instructor("Instructor " + i)).getId());
            }
        });

        long seed = System.nanoTime();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        long started;
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Random random = new Random(seed + t);
                int thread = t;
                workers.add(threads.submit(() -> {
                    start.await();
                    for (int unit = 0; unit < UNITS_PER_THREAD; unit++) {
                        runOneUnit(random, thread, unit, engineerIds, instructorIds);
                    }
                    return null;
                }));
            }
            started = System.nanoTime();
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get(5, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        long units = (long) THREADS * UNITS_PER_THREAD;
        long renameCount = renames.values().stream().mapToLong(Queue::size).sum();
        System.out.printf("certtrack load (seed %d): %d threads x %d units = %d units in %d ms; %d attempts,"
                        + " %d conflicts retried, %d units gave up after %d attempts; committed %d adds, %d renames,"
                        + " %d removes; %d picked a certificate another thread had just removed%n",
                seed, THREADS, UNITS_PER_THREAD, units, took.toMillis(), attempts.get(), attempts.get() - units,
                gaveUp.get(), RETRY.maxAttempts(), added.size(), renameCount, removed.size(), vanished.get());

        assertThat(attempts.get()).as("every unit ran at least once (seed %d)", seed).isGreaterThanOrEqualTo(units);
        assertDatabaseHoldsExactlyWhatCommitted(seed);
        assertNoOrphanAndEveryRuleHolds(engineerIds, instructorIds);
        assertThat(took).as("duration").isLessThan(Duration.ofMinutes(2));
    }

    private void runOneUnit(Random random, int thread, int unit, List<Long> engineerIds, List<Long> instructorIds) {
        int dice = random.nextInt(100);
        Long target = live.size() < 20 ? null : pick(random);
        try {
            if (target == null || dice < 45) {
                long engineerId = engineerIds.get(random.nextInt(engineerIds.size()));
                long instructorId = instructorIds.get(random.nextInt(instructorIds.size()));
                String title = "Cert " + thread + "-" + unit;
                long id = certTrack.inTransaction(RETRY, work -> {
                    attempts.incrementAndGet();
                    Certificate certificate = new Certificate(title, 2030 + random.nextInt(50));
                    work.instructors().getById(instructorId)
                            .addCertificate(work.engineers().getById(engineerId).addCertificate(certificate));
                    return work.certificates().add(certificate).getId();
                });
                originalTitles.put(id, title);
                added.add(id);
                live.put(id, true);
            } else if (dice < 75) {
                String title = "Renamed " + thread + "-" + unit;
                Optional<Certificate> renamed = certTrack.inTransaction(RETRY, work -> {
                    attempts.incrementAndGet();
                    Optional<Certificate> certificate = work.certificates().findById(target);
                    certificate.ifPresent(c -> c.setTitle(title));
                    return certificate;
                });
                if (renamed.isPresent()) {
                    renames.computeIfAbsent(target, id -> new ConcurrentLinkedQueue<>())
                            .add(new Rename(renamed.get().getVersion(), title));
                } else {
                    vanished.incrementAndGet();
                }
            } else {
                boolean deleted = certTrack.inTransaction(RETRY, work -> {
                    attempts.incrementAndGet();
                    Optional<Certificate> certificate = work.certificates().findById(target);
                    certificate.ifPresent(c -> work.certificates().delete(c));
                    return certificate.isPresent();
                });
                if (deleted) {
                    removed.add(target);
                    live.remove(target);
                } else {
                    vanished.incrementAndGet();
                }
            }
        } catch (ConcurrentUpdateException lostEveryRace) {
            gaveUp.incrementAndGet();
        }
    }

    private Long pick(Random random) {
        Object[] ids = live.keySet().toArray();
        return ids.length == 0 ? null : (Long) ids[random.nextInt(ids.length)];
    }

    private void assertDatabaseHoldsExactlyWhatCommitted(long seed) throws SQLException {
        Map<Long, String> titles = new HashMap<>();
        Map<Long, Long> versions = new HashMap<>();
        try (Connection connection = certTrack.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, title, version FROM certificates")) {
            while (rows.next()) {
                titles.put(rows.getLong(1), rows.getString(2));
                versions.put(rows.getLong(1), rows.getLong(3));
            }
        }
        Set<Long> expected = ConcurrentHashMap.newKeySet();
        expected.addAll(added);
        expected.removeAll(removed);
        assertThat(removed).as("only added certificates were removed (seed %d)", seed).isSubsetOf(added);
        assertThat(titles.keySet()).as("the certificates are exactly those added and not removed (seed %d)", seed)
                .containsExactlyInAnyOrderElementsOf(expected);
        for (long id : expected) {
            Queue<Rename> committed = renames.getOrDefault(id, new ConcurrentLinkedQueue<>());
            String lastTitle = committed.stream().max((a, b) -> Long.compare(a.version(), b.version()))
                    .map(Rename::title).orElse(originalTitles.get(id));
            assertThat(versions.get(id)).as("certificate %d: one version per committed rename (seed %d)", id, seed)
                    .isEqualTo(committed.size());
            assertThat(committed).extracting(Rename::version).as("certificate %d: each rename its own version", id)
                    .doesNotHaveDuplicates();
            assertThat(titles.get(id)).as("certificate %d holds its last committed title (seed %d)", id, seed)
                    .isEqualTo(lastTitle);
        }
    }

    private void assertNoOrphanAndEveryRuleHolds(List<Long> engineerIds, List<Long> instructorIds) throws SQLException {
        assertThat(queryForLong("SELECT COUNT(*) FROM engineers")).isEqualTo(engineerIds.size());
        assertThat(queryForLong("SELECT COUNT(*) FROM instructors")).isEqualTo(instructorIds.size());
        assertThat(queryForLong("SELECT COUNT(*) FROM certificates c LEFT JOIN engineers e ON e.id = c.engineer_id WHERE e.id IS NULL"))
                .as("certificates without their engineer").isZero();
        assertThat(queryForLong("SELECT COUNT(*) FROM certificates c LEFT JOIN instructors i ON i.id = c.instructor_id"
                + " WHERE c.instructor_id IS NOT NULL AND i.id IS NULL")).as("certificates with a missing instructor").isZero();
        assertThat(queryForLong("SELECT COUNT(*) FROM certificates WHERE instructor_id IS NULL"))
                .as("every certificate written here names its instructor").isZero();
        assertThat(queryForLong("SELECT COUNT(*) FROM certificates WHERE TRIM(title) = '' OR LENGTH(title) > 100"
                + " OR expiration_year NOT BETWEEN 2000 AND 2100 OR version < 0")).as("certificates breaking a rule").isZero();
        assertThat(queryForLong("SELECT COUNT(*) FROM engineers WHERE TRIM(name) = '' OR age NOT BETWEEN 16 AND 100 OR version < 0"))
                .as("engineers breaking a rule").isZero();
        assertThat(queryForLong("SELECT COUNT(*) FROM instructors WHERE TRIM(name) = '' OR updated_at < created_at OR version < 0"))
                .as("instructors breaking a rule").isZero();
        assertThat(queryForLong("SELECT COUNT(*) FROM pg_constraint WHERE connamespace = current_schema()::regnamespace"
                + " AND contype IN ('c', 'f', 'p') AND convalidated"))
                .as("every check (6 rules, 4 lengths), foreign key (2) and primary key (3, and the history's) still in place"
                        + " and validated")
                .isEqualTo(16);
    }
}
