package org.certtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * What a unit of work promises on either database: a read-only one writes nothing and fails the same way on
 * both when asked to; units do not nest; a parent deleted under a unit is a lost race; a certificate moves
 * between engineers in any load order; the repositories behave as values and delete consistently.
 */
abstract class UnitsOfWorkContract extends DatabaseContract {

    private static final Duration SHORT_WAIT = Duration.ofMillis(500);

    private long addAda() {
        return certTrack.inTransaction(work -> work.engineers().add(new Engineer("Ada", "backend", 36)).getId());
    }

    @Test
    void aNativeUpdateInAReadOnlyUnitFailsWithCertTracksExceptionAndWritesNothing() throws Exception {
        addAda();
        var before = tableContents();
        assertThatThrownBy(() -> certTrack.read(work -> work.entityManager()
                .createNativeQuery("UPDATE engineers SET age = 99").executeUpdate()))
                .isInstanceOf(ReadOnlyUnitException.class)
                .hasMessageContaining("read-only unit of work")
                .hasMessageContaining("CertTrack.inTransaction");
        assertThat(tableContents()).as("every table after an UPDATE in a read-only unit").isEqualTo(before);
    }

    @Test
    void aPersistAndFlushInAReadOnlyUnitFailsWithCertTracksExceptionAndWritesNothing() throws Exception {
        addAda();
        var before = tableContents();
        assertThatThrownBy(() -> certTrack.readFromPrimary(work -> {
            work.entityManager().persist(new Engineer("Bob", "backend", 30));
            work.flush();
            return null;
        })).isInstanceOf(ReadOnlyUnitException.class);
        assertThat(tableContents()).as("every table after a persist and flush in a read-only unit").isEqualTo(before);
    }

    @Test
    void aUnitInsideAUnitIsRefusedAtOnceEvenOnAPoolOfOne() throws Exception {
        try (CertTrack one = database.certTrack().maximumPoolSize(1).connectionTimeout(SHORT_WAIT).migrate(false).build()) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> one.useTransaction(outer -> {
                outer.engineers().add(new Engineer("Outer", "backend", 30));
                one.useTransaction(inner -> inner.engineers().add(new Engineer("Inner", "backend", 30)));
            })).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("inside another unit of work")
                    .hasMessageContaining("use the UnitOfWork");
            System.out.printf("nested unit on a pool of 1 (%s): refused, outer unit rolled back, after %d ms"
                    + " (connectionTimeout %d ms)%n", database.isPostgres() ? "PostgreSQL" : "H2",
                    (System.nanoTime() - started) / 1_000_000, SHORT_WAIT.toMillis());
            assertThatThrownBy(() -> one.useTransaction(outer -> one.read(inner -> inner.engineers().count())))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("CertTrack.read");
            assertThatThrownBy(() -> one.read(outer -> one.inTransaction(inner -> inner.engineers().count())))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("CertTrack.inTransaction");
            assertThat(queryForLong("SELECT COUNT(*) FROM engineers")).as("engineers after refused nested units").isZero();
            one.useTransaction(work -> work.engineers().add(new Engineer("After", "backend", 30)));
            assertThat(queryForLong("SELECT COUNT(*) FROM engineers")).as("the pool's one connection writes again").isEqualTo(1);
        }
    }

    @Test
    void nOuterUnitsOnAPoolOfNEachNestingOneAreRefusedNotStalled() throws Exception {
        int n = 2;
        try (CertTrack pool = database.certTrack().maximumPoolSize(n).connectionTimeout(SHORT_WAIT).migrate(false).build()) {
            ExecutorService threads = Executors.newFixedThreadPool(n);
            try {
                CountDownLatch allHoldAConnection = new CountDownLatch(n);
                List<Future<Throwable>> outcomes = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    outcomes.add(threads.submit(() -> {
                        try {
                            pool.useTransaction(outer -> {
                                outer.engineers().count();
                                allHoldAConnection.countDown();
                                await(allHoldAConnection);
                                pool.useTransaction(inner -> inner.engineers().count());
                            });
                            return null;
                        } catch (Throwable e) {
                            return e;
                        }
                    }));
                }
                for (Future<Throwable> outcome : outcomes) {
                    assertThat(outcome.get(30, TimeUnit.SECONDS)).as("what an outer unit nesting another got")
                            .isInstanceOf(IllegalStateException.class);
                }
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @Test
    void aNestedUnitNeverCommitsApartFromItsOuterUnit() throws Exception {
        assertThatThrownBy(() -> certTrack.useTransaction(outer -> {
            try {
                certTrack.useTransaction(inner -> inner.engineers().add(new Engineer("Inner", "backend", 30)));
            } catch (IllegalStateException refused) {
                // The outer unit goes on, and then fails.
            }
            throw new IllegalArgumentException("the outer unit fails");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(queryForLong("SELECT COUNT(*) FROM engineers")).as("engineers the inner unit added, after the outer rolled back")
                .isZero();
    }

    @Test
    void underARetryPolicyANestedUnitIsRefusedOnceAndNotRedone() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> certTrack.useTransaction(RetryPolicy.upTo(3), outer -> {
            attempts.incrementAndGet();
            certTrack.useTransaction(inner -> inner.engineers().add(new Engineer("Inner", "backend", 30)));
            throw new ConcurrentUpdateException("Engineer", 1L, null);
        })).isInstanceOf(IllegalStateException.class);
        assertThat(attempts).as("attempts of the outer unit").hasValue(1);
        assertThat(queryForLong("SELECT COUNT(*) FROM engineers")).as("engineers the inner unit added").isZero();
    }

    @Test
    void anEngineerDeletedUnderAUnitIsALostRaceNamingTheEngineerAndIsRetried() throws Exception {
        long adaId = addAda();
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> certTrack.useTransaction(work -> {
            Engineer ada = work.engineers().getById(adaId);
            deleteBehindTheUnit("DELETE FROM engineers WHERE id = " + adaId);
            work.certificates().add(ada.addCertificate(new Certificate("AWS", 2027)));
        })).isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageContaining("Engineer #" + adaId)
                .satisfies(e -> {
                    ConcurrentUpdateException lost = (ConcurrentUpdateException) e;
                    assertThat(lost.entityName()).isEqualTo("Engineer");
                    assertThat(lost.id()).isEqualTo(adaId);
                });

        long bobId = certTrack.inTransaction(work -> work.engineers().add(new Engineer("Bob", "backend", 30)).getId());
        assertThatThrownBy(() -> certTrack.useTransaction(RetryPolicy.upTo(3), work -> {
            int attempt = attempts.incrementAndGet();
            Engineer bob = work.engineers().getById(bobId);
            if (attempt == 1) {
                deleteBehindTheUnit("DELETE FROM engineers WHERE id = " + bobId);
            }
            work.certificates().add(bob.addCertificate(new Certificate("AWS", 2027)));
        })).as("the retry finds Bob gone").isInstanceOf(UnknownIdException.class);
        assertThat(attempts).as("attempts: the lost race was retried").hasValue(2);
        assertThat(queryForLong("SELECT COUNT(*) FROM certificates")).as("certificates written").isZero();
    }

    @Test
    void anInstructorDeletedUnderAUnitIsALostRaceNamingTheInstructor() throws Exception {
        long adaId = addAda();
        long graceId = certTrack.inTransaction(work -> work.instructors().add(new Instructor("Grace")).getId());
        assertThatThrownBy(() -> certTrack.useTransaction(work -> {
            Engineer ada = work.engineers().getById(adaId);
            Instructor grace = work.instructors().getById(graceId);
            deleteBehindTheUnit("DELETE FROM instructors WHERE id = " + graceId);
            work.certificates().add(grace.addCertificate(ada.addCertificate(new Certificate("AWS", 2027))));
        })).isInstanceOf(ConcurrentUpdateException.class).hasMessageContaining("Instructor #" + graceId);
        assertThat(queryForLong("SELECT COUNT(*) FROM certificates")).as("certificates written").isZero();
    }

    @Test
    void aSavedCertificateIsRefusedAMoveBetweenEngineersWhicheverIsLoadedFirstAndStaysPut() throws Exception {
        for (boolean previousFirst : new boolean[] {true, false}) {
            long[] ids = certTrack.inTransaction(work -> {
                Engineer ada = new Engineer("Ada", "backend", 36);
                Certificate aws = ada.addCertificate(new Certificate("AWS", 2027));
                work.engineers().add(ada);
                Engineer bob = work.engineers().add(new Engineer("Bob", "backend", 30));
                work.flush();
                return new long[] {ada.getId(), bob.getId(), aws.getId()};
            });
            var before = tableContents();
            assertThatThrownBy(() -> certTrack.useTransaction(work -> {
                Certificate aws = previousFirst ? null : work.certificates().getById(ids[2]);
                Engineer ada = work.engineers().getById(ids[0]);
                Engineer bob = work.engineers().getById(ids[1]);
                ada.getCertificates().size();
                bob.addCertificate(aws != null ? aws : work.certificates().getById(ids[2]));
            })).as("moving a saved certificate, previous engineer loaded first: " + previousFirst)
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("Engineer.certificates")
                    .hasMessageContaining("certificate #" + ids[2] + " belongs to engineer #" + ids[0]);
            assertThat(tableContents()).as("every table after the refused move").isEqualTo(before);

            certTrack.useTransaction(work -> {
                Engineer ada = work.engineers().getById(ids[0]);
                Certificate aws = work.certificates().getById(ids[2]);
                ada.removeCertificate(aws);
                work.engineers().getById(ids[1]).addCertificate(new Certificate(aws.getTitle(), aws.getExpirationYear()));
            });
            List<String> holders = certTrack.read(work -> work.certificates().findAll(PageRequest.first()).stream()
                    .map(c -> c.getTitle() + ": " + c.getEngineer().getName()).toList());
            assertThat(holders).as("certificates after the documented way: delete there, add a new one here")
                    .containsExactly("AWS: Bob");
            emptyTables();
        }
    }

    @Test
    void aCertificateReAddedToItsOwnEngineerStaysWhereItIs() {
        long[] ids = certTrack.inTransaction(work -> {
            Engineer ada = new Engineer("Ada", "backend", 36);
            Certificate aws = ada.addCertificate(new Certificate("AWS", 2027));
            work.engineers().add(ada);
            work.flush();
            return new long[] {ada.getId(), aws.getId()};
        });
        certTrack.useTransaction(work -> {
            Certificate aws = work.certificates().getById(ids[1]);
            work.engineers().getById(ids[0]).addCertificate(aws);
        });
        long count = certTrack.read(work -> work.certificates().count());
        assertThat(count).as("certificates after re-adding one to its engineer, loaded after it").isEqualTo(1);
    }

    @Test
    void deletingAnEntityNeverSavedFailsAsDeletingAnUnknownIdDoes() throws Exception {
        long adaId = addAda();
        assertThatThrownBy(() -> certTrack.useTransaction(work -> work.engineers().delete(new Engineer("Never", "saved", 30))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("Engineer.id").hasMessageContaining("never saved");
        Engineer detached = certTrack.inTransaction(work -> work.engineers().getById(adaId));
        certTrack.useTransaction(work -> work.engineers().deleteById(adaId));
        assertThatThrownBy(() -> certTrack.useTransaction(work -> work.engineers().delete(detached)))
                .isInstanceOf(UnknownIdException.class).hasMessageContaining(String.valueOf(adaId));
        assertThat(queryForLong("SELECT COUNT(*) FROM engineers")).as("engineers: none re-created by a delete").isZero();
    }

    @Test
    void aUnitsRepositoriesAreEqualToThemselves() {
        certTrack.useTransaction(work -> {
            assertThat(work.engineers()).isEqualTo(work.engineers()).hasSameHashCodeAs(work.engineers());
            assertThat(work.certificates()).isEqualTo(work.certificates());
            assertThat(work.instructors()).isEqualTo(work.instructors());
            assertThat((Object) work.engineers()).isNotEqualTo(work.certificates());
            assertThat(work.engineers().toString()).contains("EngineerRepository");
        });
    }

    @Test
    void anEngineersCertificatesComeInPages() {
        long adaId = certTrack.inTransaction(work -> {
            Engineer ada = new Engineer("Ada", "backend", 36);
            for (int year = 2027; year < 2030; year++) {
                ada.addCertificate(new Certificate("AWS " + year, year));
            }
            return work.engineers().add(ada).getId();
        });
        List<String> first = certTrack.read(work -> titles(work.certificates().findByEngineerId(adaId, PageRequest.first(2))));
        List<String> second = certTrack.read(work -> titles(work.certificates().findByEngineerId(adaId, PageRequest.of(1, 2))));
        assertThat(first).as("first page").containsExactly("AWS 2027", "AWS 2028");
        assertThat(second).as("second page").containsExactly("AWS 2029");
    }

    private static List<String> titles(List<Certificate> certificates) {
        return certificates.stream().map(Certificate::getTitle).toList();
    }

    /** Another writer deletes a row, committed at once, while the unit of work that read it runs. */
    private void deleteBehindTheUnit(String sql) {
        try {
            executeSql(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other outer units never took their connections");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
