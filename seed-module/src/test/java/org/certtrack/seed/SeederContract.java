package org.certtrack.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.certtrack.seed.EngineerBuilder.anEngineer;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Locale;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.certtrack.CertTrack;
import org.certtrack.CertTrackException;
import org.certtrack.Certificate;
import org.certtrack.Engineer;
import org.certtrack.Instructor;
import org.certtrack.PageRequest;
import org.junit.jupiter.api.Test;

/**
 * What the {@link Seeder} writes and how: {@link SeederTest} runs it on H2, {@link SeederIT} on PostgreSQL.
 * Every test starts on empty tables (the extension clears them), but the id sequences go on from test to
 * test, so no test expects particular ids.
 */
abstract class SeederContract {

    private static final long SEED = 20_240_501L;

    @Test
    void theStandardDataSetIsTheOriginalSeedPyWithInstructors(CertTrack certTrack) {
        SeedResult result = Seeder.of(certTrack).withSeed(SEED).seed(DataSet.standard());

        assertThat(result.seed()).isEqualTo(SEED);
        assertThat(result.rows()).isEqualTo(10 + 40 + DataSet.STANDARD_INSTRUCTORS);
        certTrack.useTransaction(work -> {
            List<Engineer> engineers = work.engineers().findAllWithCertificates(PageRequest.of(0, 100));
            assertThat(engineers).as("engineers").hasSize(10).allSatisfy(engineer -> {
                assertThat(engineer.getName()).as("a realistic name").matches("\\S+( \\S+)+");
                assertThat(engineer.getSpecialty()).isIn(DataSet.SPECIALTIES);
                assertThat(engineer.getAge()).isBetween(19, 70);
            });
            List<Certificate> certificates = work.certificates().findAll(PageRequest.of(0, 100));
            assertThat(certificates).as("certificates").hasSize(40).allSatisfy(certificate -> {
                assertThat(certificate.getTitle()).isIn("AWS", "Azure", "Github");
                assertThat(certificate.getExpirationYear()).isBetween(2022, 2030);
                assertThat(certificate.getEngineer()).as("every certificate is held by a seeded engineer").isIn(engineers);
            });
            assertThat(certificates.stream().filter(c -> c.getInstructor() != null).count())
                    .as("most certificates name an instructor").isGreaterThan(20);
            assertThat(work.instructors().findAllWithEngineers(PageRequest.first()))
                    .as("instructors").hasSize(DataSet.STANDARD_INSTRUCTORS)
                    .allSatisfy(instructor -> assertThat(instructor.getCreatedAt()).isNotNull());
        });
    }

    @Test
    void theSameSeedGivesTheSameRowsAndAnotherSeedOthers(CertTrack certTrack) {
        Seeder seeder = Seeder.of(certTrack).withSeed(SEED);
        seeder.seed(DataSet.standard());
        String first = Dump.relative(certTrack.dataSource());
        long lastIdOfFirst = Dump.maxId(certTrack.dataSource(), "engineers");
        certTrack.useTransaction(work -> work.engineers().add(anEngineer().named("Written in between").build()));

        seeder.seed(DataSet.standard());
        String second = Dump.relative(certTrack.dataSource());
        long firstIdOfSecond = Dump.minId(certTrack.dataSource(), "engineers");
        Seeder.of(certTrack).withSeed(SEED + 1).seed(DataSet.standard());
        String other = Dump.relative(certTrack.dataSource());

        assertThat(second).as("a second run with seed %d, ids counted from each table's first", SEED).isEqualTo(first);
        assertThat(firstIdOfSecond).as("the second run's first engineer id, after the first run's and the one written in between")
                .isGreaterThan(lastIdOfFirst + 1);
        assertThat(other).as("a different seed").isNotEqualTo(first);
    }

    @Test
    void insertingBeforeAndAfterSeedingThroughOneCertTrackNeverReusesAnId(CertTrack certTrack) throws SQLException {
        // The class's own CertTrack: the insert leaves it holding a block of ids it has not used yet.
        long before = certTrack.inTransaction(work -> work.engineers().add(anEngineer().named("Before seeding")
                .withCertificate(CertificateBuilder.aCertificate().issuedBy(InstructorBuilder.anInstructor().named("Before")))
                .build()).getId());

        // Enough engineers that ids from 1 would cover that block (the sequences go on from earlier tests).
        int seeded = (int) before + 120;
        Seeder.of(certTrack).withSeed(SEED).seed(DataSet.sized(seeded, 1, 3));

        List<Long> after = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String name = "After seeding " + i;
            after.add(certTrack.inTransaction(work -> work.engineers().add(anEngineer().named(name)
                    .withCertificate(CertificateBuilder.aCertificate().issuedBy(InstructorBuilder.anInstructor().named(name)))
                    .build()).getId()));
        }
        try (Connection connection = certTrack.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            // A writer that knows nothing of Hibernate takes its id from the column's default (the sequence).
            statement.execute("INSERT INTO engineers (name, specialty, age) VALUES ('Raw SQL after seeding', 'backend', 40)");
        }

        assertThat(Dump.count(certTrack.dataSource(), "engineers")).as("%d seeded engineers and 4 inserted after them", seeded)
                .isEqualTo(seeded + 4);
        assertThat(Dump.count(certTrack.dataSource(), "certificates")).isEqualTo(seeded + 3);
        assertThat(Dump.count(certTrack.dataSource(), "instructors")).isEqualTo(6);
        assertThat(Dump.minId(certTrack.dataSource(), "engineers")).as("the first seeded id, after the engineer inserted before")
                .isGreaterThan(before);
        assertThat(after).doesNotHaveDuplicates();
    }

    @Test
    void aFailureHalfwayLeavesTheDatabaseAsItWas(CertTrack certTrack) {
        Seeder.of(certTrack).withSeed(SEED).seed(DataSet.standard());
        String before = Dump.of(certTrack.dataSource());
        List<SeedProgress> reports = new ArrayList<>();

        Seeder failing = Seeder.of(certTrack).withSeed(SEED).withBatchSize(100).onProgress(progress -> {
            reports.add(progress);
            if (progress.table().equals("certificates") && progress.tableWritten() >= 300) {
                throw new IllegalStateException("injected failure after " + progress.written() + " rows");
            }
        });

        assertThatThrownBy(() -> failing.seed(DataSet.sized(500, 2, 5)))
                .hasMessageStartingWith("injected failure after 805 rows");
        assertThat(reports).as("it failed halfway, after writing instructors and engineers")
                .extracting(SeedProgress::table).contains("instructors", "engineers", "certificates");
        assertThat(Dump.of(certTrack.dataSource())).as("the database after the failed seeding").isEqualTo(before);
        certTrack.useTransaction(work -> assertThat(work.engineers().count()).isEqualTo(10));
    }

    @Test
    void foreignKeysStillHoldAfterABulkSeedAndAFailedOne(CertTrack certTrack) {
        DataSet bulk = DataSet.sized(5_000, 2, 3);   // enough certificates for PostgreSQL to check keys after COPY
        Seeder.of(certTrack).withSeed(SEED).seed(bulk);
        Seeder failing = Seeder.of(certTrack).withSeed(SEED + 1).onProgress(progress -> {
            if (progress.table().equals("certificates") && progress.tableWritten() >= 5_000) {
                throw new IllegalStateException("injected failure in the certificates");
            }
        });
        assertThatThrownBy(() -> failing.seed(bulk)).hasMessage("injected failure in the certificates");

        assertThat(Dump.count(certTrack.dataSource(), "certificates")).isEqualTo(10_000);
        assertThatThrownBy(() -> {
            try (Connection connection = certTrack.dataSource().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO certificates (title, expiration_year, engineer_id) VALUES ('AWS', 2030, 999999)");
            }
        }).as("a certificate of an engineer who does not exist").isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(e.getMessage().toLowerCase(Locale.ROOT)).contains("fk_certificates_engineer_id_engineers"));
    }

    @Test
    void hibernateInsertsAfterSeedingGetFreshIds(CertTrack certTrack) {
        Seeder.of(certTrack).withSeed(SEED).seed(DataSet.sized(120, 1, 3));

        long id;
        try (CertTrack fresh = CertTrack.open(certTrack.dataSource())) {
            id = fresh.inTransaction(work -> {
                Engineer engineer = anEngineer().named("Added after seeding")
                        .withCertificate(CertificateBuilder.aCertificate().issuedBy(InstructorBuilder.anInstructor().named("New")))
                        .build();
                return work.engineers().add(engineer).getId();
            });
        }

        assertThat(id).as("the first id Hibernate hands out after 120 seeded engineers").isGreaterThan(120);
        assertThat(Dump.count(certTrack.dataSource(), "engineers")).isEqualTo(121);
        assertThat(Dump.count(certTrack.dataSource(), "instructors")).isEqualTo(4);
    }

    @Test
    void aSizedDataSetGivesEveryEngineerTheSameNumberOfCertificatesAndReportsProgress(CertTrack certTrack) {
        List<SeedProgress> reports = new ArrayList<>();
        SeedResult result = Seeder.of(certTrack).withSeed(SEED).withBatchSize(500).onProgress(reports::add)
                .seed(DataSet.sized(2_000, 3, 7));

        assertThat(result.rows()).isEqualTo(2_000 + 6_000 + 7);
        assertThat(Dump.count(certTrack.dataSource(), "engineers")).isEqualTo(2_000);
        assertThat(Dump.count(certTrack.dataSource(), "certificates")).isEqualTo(6_000);
        assertThat(Dump.count(certTrack.dataSource(), "instructors")).isEqualTo(7);
        certTrack.useTransaction(work -> {
            long lastId = Dump.maxId(certTrack.dataSource(), "engineers");
            Engineer last = work.engineers().findByIdWithCertificates(lastId).orElseThrow();
            assertThat(last.getCertificates()).as("the last engineer's certificates").hasSize(3);
            assertThat(work.instructors().findAll(PageRequest.first())).extracting(Instructor::getName).doesNotContainNull();
        });
        assertThat(reports).extracting(SeedProgress::written).as("progress only grows").isSorted();
        assertThat(reports.get(reports.size() - 1)).isEqualTo(new SeedProgress("certificates", 6_000, 6_000, 8_007, 8_007));
    }

    @Test
    void withoutASeedARandomOneIsUsedAndReported(CertTrack certTrack) {
        SeedResult first = Seeder.of(certTrack).seed(DataSet.standard());
        String dump = Dump.relative(certTrack.dataSource());
        SeedResult replay = Seeder.of(certTrack).withSeed(first.seed()).seed(DataSet.standard());

        assertThat(replay.seed()).isEqualTo(first.seed());
        assertThat(Dump.relative(certTrack.dataSource())).as("replaying seed %d", first.seed()).isEqualTo(dump);
    }

    @Test
    void reseedingRefusesWhileRowsOfAHostTableReferToCerttracksAndNamesThem(CertTrack certTrack) throws Exception {
        Seeder seeder = Seeder.of(certTrack).withSeed(SEED);
        seeder.seed(DataSet.standard());
        sql(certTrack, "CREATE TABLE host_notes (id BIGINT PRIMARY KEY, engineer_id BIGINT REFERENCES engineers (id))");
        try {
            seeder.seed(DataSet.standard());
            long referred = number(certTrack, "SELECT MIN(id) FROM engineers");
            long engineers = number(certTrack, "SELECT COUNT(*) FROM engineers");
            sql(certTrack, "INSERT INTO host_notes VALUES (1, " + referred + ")");
            for (Runnable replacing : List.<Runnable>of(() -> seeder.seed(DataSet.standard()), seeder::deleteAll)) {
                assertThatThrownBy(replacing::run)
                        .isInstanceOf(CertTrackException.class)
                        .hasMessageContaining("host_notes.engineer_id -> engineers")
                        .hasMessageContaining("ON DELETE CASCADE")
                        .hasMessageContaining("nothing was changed");
            }
            assertThat(number(certTrack, "SELECT COUNT(*) FROM engineers WHERE id = " + referred)).as("the referred engineer").isEqualTo(1);
            assertThat(number(certTrack, "SELECT COUNT(*) FROM engineers")).as("engineers after the refusals").isEqualTo(engineers);
        } finally {
            sql(certTrack, "DROP TABLE host_notes");
        }
    }

    @Test
    void reseedingDeletesHostRowsWhoseForeignKeyCascadesOnBothDatabases(CertTrack certTrack) throws Exception {
        Seeder seeder = Seeder.of(certTrack).withSeed(SEED);
        seeder.seed(DataSet.standard());
        sql(certTrack, "CREATE TABLE host_badges (id BIGINT PRIMARY KEY,"
                + " engineer_id BIGINT REFERENCES engineers (id) ON DELETE CASCADE)");
        try {
            sql(certTrack, "INSERT INTO host_badges VALUES (1, " + number(certTrack, "SELECT MIN(id) FROM engineers") + ")");
            seeder.seed(DataSet.standard());
            assertThat(number(certTrack, "SELECT COUNT(*) FROM host_badges")).as("badges of the replaced engineers").isZero();
            assertThat(number(certTrack, "SELECT COUNT(*) FROM engineers")).as("engineers reseeded")
                    .isEqualTo(DataSet.standard().engineers());
        } finally {
            sql(certTrack, "DROP TABLE host_badges");
        }
    }

    @Test
    void aNextvalWhileSeedingGetsIdsPastTheSeededOnes(CertTrack certTrack) throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        AtomicReference<Future<Long>> taken = new AtomicReference<>();
        try {
            Seeder.of(certTrack).withSeed(SEED).onProgress(progress -> {
                if (taken.get() == null && progress.table().equals("engineers")) {
                    taken.set(other.submit(() -> number(certTrack, "SELECT nextval('engineers_id_seq')")));
                    try {
                        // Done at once, or blocked by the seeder's lock on the sequence until it commits: both fine.
                        taken.get().get(2, TimeUnit.SECONDS);
                    } catch (TimeoutException blocked) {
                        // The value comes after the commit.
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }).seed(DataSet.standard());
            long value = taken.get().get(30, TimeUnit.SECONDS);
            long lastSeeded = number(certTrack, "SELECT MAX(id) FROM engineers");
            assertThat(value - 49).as("the first id of the block Hibernate takes with the value another session got"
                    + " while seeding, against the last seeded id").isGreaterThan(lastSeeded);
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void idsThatWouldPassLongMaxValueAreRefusedClearlyAndNothingChanges(CertTrack certTrack) throws Exception {
        Seeder seeder = Seeder.of(certTrack).withSeed(SEED);
        seeder.seed(DataSet.standard());
        long engineers = number(certTrack, "SELECT COUNT(*) FROM engineers");
        long resume = number(certTrack, "SELECT nextval('engineers_id_seq')") + 1000;
        sql(certTrack, "ALTER SEQUENCE engineers_id_seq RESTART WITH " + (Long.MAX_VALUE - 20));
        try {
            assertThatThrownBy(() -> seeder.seed(DataSet.standard()))
                    .isInstanceOf(CertTrackException.class)
                    .hasMessageContaining("Could not seed engineers")
                    .hasMessageContaining("Long.MAX_VALUE");
            assertThat(number(certTrack, "SELECT COUNT(*) FROM engineers")).as("engineers after the refusal").isEqualTo(engineers);
        } finally {
            sql(certTrack, "ALTER SEQUENCE engineers_id_seq RESTART WITH " + resume);
        }
    }

    private static void sql(CertTrack certTrack, String sql) throws SQLException {
        try (Connection connection = certTrack.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long number(CertTrack certTrack, String sql) throws SQLException {
        try (Connection connection = certTrack.dataSource().getConnection(); Statement statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
