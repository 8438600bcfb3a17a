package org.certtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import org.junit.jupiter.api.Test;

/**
 * Every table carries a version: of two units of work that change the same row from the same reading,
 * one commits and the other fails with a {@link ConcurrentUpdateException} naming the row, so that no
 * update is ever silently lost.
 */
abstract class OptimisticLockingContract extends DatabaseContract {

    @Test
    void aRowStartsAtVersionZeroAndEachCommittedUpdateAddsOne() throws SQLException {
        long id = certTrack.inTransaction(work -> work.engineers().add(new Engineer("Ada", "backend", 36)).getId());
        assertThat(this.<Long>read(work -> work.engineers().getById(id).getVersion())).isZero();

        certTrack.useTransaction(work -> work.engineers().getById(id).setAge(37));
        certTrack.useTransaction(work -> work.engineers().getById(id).setAge(38));

        assertThat(this.<Long>read(work -> work.engineers().getById(id).getVersion())).isEqualTo(2);
        executeSql("INSERT INTO instructors (name) VALUES ('Inserted by another writer')");
        assertThat(queryForLong("SELECT version FROM instructors")).as("the column default").isZero();
    }

    @Test
    void twoConcurrentRenamesOfAnEngineerGiveOneSuccessAndOneClearConflict() throws Exception {
        long id = certTrack.inTransaction(work -> work.engineers().add(new Engineer("Ada", "backend", 36)).getId());
        assertOneWins("Engineer", id, (work, name) -> work.engineers().getById(id).setName(name),
                () -> certTrack.inTransaction(work -> work.engineers().getById(id).getName()));
    }

    @Test
    void twoConcurrentRenamesOfAnInstructorGiveOneSuccessAndOneClearConflict() throws Exception {
        long id = certTrack.inTransaction(work -> work.instructors().add(new Instructor("Grace")).getId());
        assertOneWins("Instructor", id, (work, name) -> work.instructors().getById(id).setName(name),
                () -> certTrack.inTransaction(work -> work.instructors().getById(id).getName()));
        certTrack.useTransaction(work -> {
            Instructor grace = work.instructors().getById(id);
            assertThat(grace.getUpdatedAt()).as("updated_at still advances with the version").isAfter(grace.getCreatedAt());
        });
    }

    @Test
    void twoConcurrentRenamesOfACertificateGiveOneSuccessAndOneClearConflict() throws Exception {
        long id = certTrack.inTransaction(work -> {
            Engineer ada = new Engineer("Ada", "backend", 36);
            Certificate aws = ada.addCertificate(new Certificate("AWS", 2027));
            work.engineers().add(ada);
            return aws.getId();
        });
        assertOneWins("Certificate", id, (work, title) -> work.certificates().getById(id).setTitle(title),
                () -> certTrack.inTransaction(work -> work.certificates().getById(id).getTitle()));
    }

    @Test
    void aRepositoryOverTheCallersOwnEntityManagerReportsAConflictAsCertTracksException() {
        long id = certTrack.inTransaction(work -> work.engineers().add(new Engineer("Ada", "backend", 36)).getId());
        try (EntityManager own = certTrack.entityManagerFactory().createEntityManager()) {
            EngineerRepository engineers = EngineerRepository.using(own);
            own.getTransaction().begin();
            try {
                engineers.getById(id).setName("Ada King");
                certTrack.useTransaction(other -> other.engineers().getById(id).setAge(37));

                assertThatThrownBy(() -> engineers.findBySpecialty("backend", PageRequest.first()))   // flushes the stale rename first
                        .as("a query that flushes a stale rename, through the caller's own transaction")
                        .isInstanceOfSatisfying(ConcurrentUpdateException.class, conflict -> {
                            assertThat(conflict.entityName()).isEqualTo("Engineer");
                            assertThat(conflict.id()).isEqualTo(id);
                        });
            } finally {
                own.getTransaction().rollback();
            }
        }
        assertThat(this.<Integer>read(work -> work.engineers().getById(id).getAge()))
                .as("the other unit of work's change").isEqualTo(37);
    }

    @Test
    void anUpdateOfARowDeletedMeanwhileIsAConflict() {
        long id = certTrack.inTransaction(work -> {
            Engineer ada = new Engineer("Ada", "backend", 36);
            Certificate aws = ada.addCertificate(new Certificate("AWS", 2027));
            work.engineers().add(ada);
            return aws.getId();
        });

        assertThatThrownBy(() -> certTrack.useTransaction(work -> {
            Certificate stale = work.certificates().getById(id);
            asAnotherWriter(other -> {
                other.certificates().deleteById(id);
                return null;
            });
            stale.setTitle("AWS Professional");
        })).isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageContaining("Certificate #" + id)
                .satisfies(e -> assertThat(((ConcurrentUpdateException) e).entityName()).isEqualTo("Certificate"));

        assertThat(this.<java.util.Optional<Certificate>>read(work -> work.certificates().findById(id))).as("the delete stands").isEmpty();
    }

    @Test
    void deletingARowChangedMeanwhileIsAConflictAndDeletesNothing() {
        long id = certTrack.inTransaction(work -> work.instructors().add(new Instructor("Grace")).getId());

        assertThatThrownBy(() -> certTrack.useTransaction(work -> {
            Instructor stale = work.instructors().getById(id);
            asAnotherWriter(other -> {
                other.instructors().getById(id).setName("Grace Hopper");
                return null;
            });
            work.instructors().delete(stale);
        })).isInstanceOf(ConcurrentUpdateException.class).hasMessageContaining("Instructor #" + id);

        assertThat(this.<String>read(work -> work.instructors().getById(id).getName()))
                .as("the rename stands and the row is still there").isEqualTo("Grace Hopper");
    }

    @Test
    void anotherWritersUpdateThatNeverNamesVersionMakesCerttracksCommitFailAndStands() throws SQLException {
        long engineerId = certTrack.inTransaction(work -> work.engineers().add(new Engineer("Ada", "backend", 19)).getId());
        assertThatThrownBy(() -> certTrack.useTransaction(work -> {
            Engineer stale = work.engineers().getById(engineerId);
            sql("UPDATE engineers SET age = 99 WHERE id = " + engineerId);
            stale.setName("Ada King");
        })).isInstanceOf(ConcurrentUpdateException.class).hasMessageContaining("Engineer #" + engineerId);
        assertThat(queryForLong("SELECT age FROM engineers WHERE id = " + engineerId)).as("the other writer's age").isEqualTo(99);

        long instructorId = certTrack.inTransaction(work -> work.instructors().add(new Instructor("Grace")).getId());
        assertThatThrownBy(() -> certTrack.useTransaction(work -> {
            Instructor stale = work.instructors().getById(instructorId);
            sql("UPDATE instructors SET name = 'Grace Hopper' WHERE id = " + instructorId);
            stale.setName("Rear Admiral Hopper");
        })).isInstanceOf(ConcurrentUpdateException.class).hasMessageContaining("Instructor #" + instructorId);
        assertThat(this.<String>read(work -> work.instructors().getById(instructorId).getName())).isEqualTo("Grace Hopper");
    }

    @Test
    void aRetryPolicyRedoesTheWorkOnFreshRowsSoBothChangesSurvive() {
        long id = certTrack.inTransaction(work -> work.engineers().add(new Engineer("Ada", "backend", 36)).getId());
        AtomicInteger attempts = new AtomicInteger();

        certTrack.useTransaction(RetryPolicy.upTo(3), work -> {
            Engineer ada = work.engineers().getById(id);
            if (attempts.incrementAndGet() == 1) {
                asAnotherWriter(other -> {
                    other.engineers().getById(id).setSpecialty("compilers");
                    return null;
                });
            }
            ada.setAge(ada.getAge() + 1);
        });

        assertThat(attempts).as("one conflict, one retry").hasValue(2);
        certTrack.useTransaction(work -> {
            Engineer ada = work.engineers().getById(id);
            assertThat(ada.getSpecialty()).as("the competing change").isEqualTo("compilers");
            assertThat(ada.getAge()).as("the retried change").isEqualTo(37);
            assertThat(ada.getVersion()).isEqualTo(2);
        });
    }

    @Test
    void aRetryPolicyGivesUpAfterItsAttemptsWithTheLastConflict() {
        long id = certTrack.inTransaction(work -> work.engineers().add(new Engineer("Ada", "backend", 36)).getId());
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> certTrack.useTransaction(new RetryPolicy(3, java.time.Duration.ZERO), work -> {
            Engineer ada = work.engineers().getById(id);
            attempts.incrementAndGet();
            asAnotherWriter(other -> {
                other.engineers().getById(id).setAge(other.engineers().getById(id).getAge() + 1);
                return null;
            });
            ada.setName("Ada King");
        })).isInstanceOf(ConcurrentUpdateException.class).hasMessageContaining("Engineer #" + id);

        assertThat(attempts).hasValue(3);
        assertThat(this.<String>read(work -> work.engineers().getById(id).getName())).isEqualTo("Ada");
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> certTrack.useTransaction(RetryPolicy.upTo(5), work -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("the caller changed its mind");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void anUnavailableDatabaseIsRetriedOnlyWhenAskedAndOnlyWhenNothingWasWritten() {
        DatabaseUnavailableException nothingWritten = new DatabaseUnavailableException("down", null);
        DatabaseUnavailableException duringCommit = new DatabaseUnavailableException("down at commit", null, true);
        for (RetryPolicy policy : List.of(RetryPolicy.upTo(5), RetryPolicy.upTo(5).alsoWhenUnavailable())) {
            for (DatabaseUnavailableException failure : List.of(nothingWritten, duringCommit)) {
                AtomicInteger attempts = new AtomicInteger();
                assertThatThrownBy(() -> certTrack.useTransaction(policy, work -> {
                    attempts.incrementAndGet();
                    throw failure;
                })).isSameAs(failure);
                int expected = policy.retriesUnavailable() && !failure.mayHaveBeenWritten() ? 5 : 1;
                assertThat(attempts).as("attempts of %s failing with \"%s\"", policy, failure.getMessage()).hasValue(expected);
            }
        }
    }

    /**
     * Two threads read the same row, then both change it and commit at the same moment: exactly one
     * commits, the other gets a conflict naming the row, and the row holds the winner's value.
     */
    private void assertOneWins(String entity, long id, BiConsumer<UnitOfWork, String> rename,
                               java.util.function.Supplier<String> currentName) throws Exception {
        CountDownLatch bothRead = new CountDownLatch(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (String name : List.of("Renamed by A", "Renamed by B")) {
                outcomes.add(threads.submit(() -> {
                    try {
                        certTrack.useTransaction(work -> {
                            rename.accept(work, name);      // reads the row, changes it in memory
                            bothRead.countDown();
                            await(bothRead);
                        });                                  // both flush and commit now
                        return name;
                    } catch (ConcurrentUpdateException conflict) {
                        assertThat(conflict).hasMessageContaining(entity + " #" + id);
                        assertThat(conflict.entityName()).isEqualTo(entity);
                        assertThat(conflict.id()).isEqualTo(id);
                        return null;
                    }
                }));
            }
            List<String> winners = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                String winner = outcome.get(30, TimeUnit.SECONDS);
                if (winner != null) {
                    winners.add(winner);
                }
            }
            assertThat(winners).as("exactly one of two concurrent updates of %s #%d commits", entity, id).hasSize(1);
            assertThat(currentName.get()).as("the row holds the winner's change").isEqualTo(winners.get(0));
        } finally {
            threads.shutdownNow();
        }
    }

    /** What {@code work} returns, read in a unit of work of its own. */
    private <T> T read(java.util.function.Function<UnitOfWork, T> work) {
        return certTrack.inTransaction(work);
    }

    /** {@link #executeSql}, for a lambda: what another writer does while a unit of work is open. */
    private void sql(String statement) {
        try {
            executeSql(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other thread never read the row");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
