package org.certtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.hibernate.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link CertTrack#read} and {@link CertTrack#readFromPrimary}: read-only units of work read what the read-write ones do, save nothing, refuse
 * the repositories' writes, tell the database they only read, and give back a connection that writes
 * again, whatever they throw.
 */
abstract class ReadOnlyUnitsContract extends DatabaseContract {

    private long adaId;

    @BeforeEach
    void addAda() {
        adaId = certTrack.inTransaction(work -> {
            Engineer ada = new Engineer("Ada", "backend", 36);
            new Instructor("Grace").addCertificate(ada.addCertificate(new Certificate("AWS", 2027)));
            return work.engineers().add(ada).getId();
        });
    }

    @Test
    void aReadOnlyUnitReadsWhatAReadWriteUnitReads() {
        List<String> written = certTrack.inTransaction(work -> names(work.instructors().findAllWithEngineers(PageRequest.first())));
        List<String> read = certTrack.read(work -> names(work.instructors().findAllWithEngineers(PageRequest.first())));
        assertThat(read).as("instructors with their engineers, read-only").isEqualTo(written).containsExactly("Grace: Ada");
        List<InstructorWithEngineers> rowsRead = certTrack.read(work -> work.instructors().findRowsWithEngineers(PageRequest.first()));
        List<InstructorWithEngineers> rowsWritten = certTrack.inTransaction(work -> work.instructors().findRowsWithEngineers(PageRequest.first()));
        assertThat(rowsRead).as("rows, read-only").isEqualTo(rowsWritten);
    }

    @Test
    void aReadFromThePrimaryIsAReadOnlyUnitToo() {
        int age = certTrack.readFromPrimary(work -> {
            Engineer ada = work.engineers().getById(adaId);
            assertThat(work.entityManager().unwrap(Session.class).isReadOnly(ada)).as("loaded read-only from the primary").isTrue();
            ada.setAge(99);
            return work.engineers().getById(adaId).getAge();
        });
        assertThat(age).as("Ada's age, read from the primary").isEqualTo(99);
        int saved = certTrack.inTransaction(work -> work.engineers().getById(adaId).getAge());
        assertThat(saved).as("the age changed in readFromPrimary, after it").isEqualTo(36);
    }

    @Test
    void entitiesReadInAReadOnlyUnitAreNotDirtyCheckedAndChangesToThemAreNotSaved() {
        certTrack.read(work -> {
            Engineer ada = work.engineers().getById(adaId);
            assertThat(work.entityManager().unwrap(Session.class).isReadOnly(ada)).as("loaded read-only").isTrue();
            ada.setAge(99);
            return null;
        });
        int age = certTrack.inTransaction(work -> work.engineers().getById(adaId).getAge());
        assertThat(age).as("the age changed in a read-only unit").isEqualTo(36);
    }

    @Test
    void theRepositoriesRefuseToWriteInAReadOnlyUnit() {
        assertThatThrownBy(() -> certTrack.read(work -> work.engineers().add(new Engineer("Bob", "backend", 30))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Engineer repository's add()")
                .hasMessageContaining("read-only unit of work")
                .hasMessageContaining("CertTrack.inTransaction");
        assertThatThrownBy(() -> certTrack.read(work -> {
            work.instructors().deleteById(work.instructors().findAll(PageRequest.first()).get(0).getId());
            return null;
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("Instructor repository's delete()");
        long rows = certTrack.inTransaction(work -> work.engineers().count() + work.instructors().count());
        assertThat(rows).as("engineers and instructors after the refused writes").isEqualTo(2);
    }

    @Test
    void whateverAReadOnlyUnitThrowsItsConnectionGoesBackAndWritesAgain() throws Exception {
        try (CertTrack one = database.certTrack().maximumPoolSize(1).migrate(false).build()) {
            IOException checked = new IOException("disk full");
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> one.read(work -> {
                    work.engineers().count();
                    throw FaultsContract.CertTrackSneaky.<RuntimeException>sneaky(checked);
                })).as("the callback's own checked exception, unchanged").isSameAs(checked);
            }
            one.useTransaction(work -> work.engineers().getById(adaId).setAge(37));
            int age = one.read(work -> work.engineers().getById(adaId).getAge());
            assertThat(age).as("written through the only connection, which read-only units used before").isEqualTo(37);
        }
    }

    @Test
    void aReadOnlyUnitThatFindsEveryConnectionBusyIsToldThePoolIsExhausted() throws Exception {
        try (CertTrack one = database.certTrack().maximumPoolSize(1).connectionTimeout(Duration.ofMillis(500)).migrate(false).build()) {
            PoolLimitsContract.whileTheOnlyConnectionIsBusy(one, () ->
                    assertThatThrownBy(() -> one.read(work -> work.engineers().count()))
                            .isInstanceOf(PoolExhaustedException.class)
                            .hasMessageContaining("connectionTimeout (500 ms)"));
        }
    }

    static List<String> names(List<Instructor> instructors) {
        return instructors.stream()
                .map(i -> i.getName() + ": " + String.join(", ", i.getEngineers().stream().map(Engineer::getName).toList()))
                .toList();
    }
}
