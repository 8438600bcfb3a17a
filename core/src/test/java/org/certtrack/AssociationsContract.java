package org.certtrack;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** Both sides of Engineer --< Certificate >-- Instructor, in memory and after a round trip. */
abstract class AssociationsContract extends DatabaseContract {

    @Test
    void anEngineersCertificatesAndInstructorsSurviveARoundTrip() {
        long adaId = certTrack.inTransaction(work -> {
            Instructor grace = new Instructor("Grace Hopper");
            Instructor alan = new Instructor("Alan Turing");
            Engineer ada = new Engineer("Ada Lovelace", "backend", 36);
            grace.addCertificate(ada.addCertificate(new Certificate("AWS", 2027)));
            grace.addCertificate(ada.addCertificate(new Certificate("Azure", 2028)));
            alan.addCertificate(ada.addCertificate(new Certificate("Github", 2029)));
            ada.addCertificate(new Certificate("Kubernetes", 2030));
            return work.engineers().add(ada).getId();
        });

        certTrack.useTransaction(work -> {
            Engineer ada = work.engineers().findById(adaId).orElseThrow();
            assertThat(ada.getCertificates()).extracting(Certificate::getTitle)
                    .as("certificates in id order").containsExactly("AWS", "Azure", "Github", "Kubernetes");
            assertThat(ada.getInstructors()).extracting(Instructor::getName)
                    .as("each instructor once, by name, no null for the certificate without one")
                    .containsExactly("Alan Turing", "Grace Hopper");
            Instructor grace = ada.getInstructors().get(1);
            assertThat(grace.getCertificates()).extracting(Certificate::getTitle).containsExactly("AWS", "Azure");
            assertThat(grace.getEngineers()).as("Ada holds two of Grace's certificates but is listed once")
                    .containsExactly(ada);
        });
    }

    @Test
    void anInstructorsEngineersAreDistinctAndOrderedByName() {
        long graceId = certTrack.inTransaction(work -> {
            Instructor grace = new Instructor("Grace Hopper");
            for (String name : new String[] {"Linus", "Barbara", "Ken", "Barbara"}) {
                Engineer engineer = new Engineer(name, "devops", 40);
                grace.addCertificate(engineer.addCertificate(new Certificate("AWS", 2026)));
                grace.addCertificate(engineer.addCertificate(new Certificate("Azure", 2027)));
                work.engineers().add(engineer);
            }
            return grace.getId();
        });

        certTrack.useTransaction(work -> {
            Instructor grace = work.instructors().findById(graceId).orElseThrow();
            assertThat(grace.getEngineers()).extracting(Engineer::getName)
                    .containsExactly("Barbara", "Barbara", "Ken", "Linus");
            assertThat(grace.getEngineers().get(0).getId()).as("two Barbaras, by id")
                    .isLessThan(grace.getEngineers().get(1).getId());
            assertThat(work.engineers().findByInstructorId(graceId, PageRequest.first())).containsExactlyElementsOf(grace.getEngineers());
        });
    }

    @Test
    void helperMethodsKeepBothSidesInSync() {
        Engineer ada = new Engineer("Ada", "backend", 36);
        Engineer linus = new Engineer("Linus", "devops", 50);
        Instructor grace = new Instructor("Grace");
        Instructor alan = new Instructor("Alan");
        Certificate aws = ada.addCertificate(new Certificate("AWS", 2027));
        grace.addCertificate(aws);

        assertThat(aws.getEngineer()).isSameAs(ada);
        assertThat(aws.getInstructor()).isSameAs(grace);

        linus.addCertificate(aws);
        assertThat(ada.getCertificates()).as("moved away from Ada").isEmpty();
        assertThat(linus.getCertificates()).containsExactly(aws);
        assertThat(aws.getEngineer()).isSameAs(linus);

        alan.addCertificate(aws);
        assertThat(grace.getCertificates()).as("reissued by Alan").isEmpty();
        assertThat(alan.getEngineers()).containsExactly(linus);

        alan.removeCertificate(aws);
        assertThat(aws.getInstructor()).isNull();
        linus.removeCertificate(aws);
        assertThat(aws.getEngineer()).isNull();
        assertThat(linus.getInstructors()).isEmpty();
    }

    @Test
    void aCertificateRemovedFromItsEngineerIsDeleted() {
        long adaId = certTrack.inTransaction(work -> {
            Engineer ada = new Engineer("Ada", "backend", 36);
            ada.addCertificate(new Certificate("AWS", 2027));
            ada.addCertificate(new Certificate("Azure", 2028));
            return work.engineers().add(ada).getId();
        });

        certTrack.useTransaction(work -> {
            Engineer ada = work.engineers().findById(adaId).orElseThrow();
            ada.removeCertificate(ada.getCertificates().get(0));
        });

        certTrack.useTransaction(work -> assertThat(work.certificates().findByEngineerId(adaId, PageRequest.first()))
                .extracting(Certificate::getTitle).as("AWS was removed, so deleted").containsExactly("Azure"));
    }

    @Test
    void deletingAnEngineerDeletesTheirCertificates() throws SQLException {
        long[] ids = certTrack.inTransaction(work -> {
            Instructor grace = work.instructors().add(new Instructor("Grace"));
            Engineer ada = new Engineer("Ada", "backend", 36);
            Engineer linus = new Engineer("Linus", "devops", 50);
            grace.addCertificate(ada.addCertificate(new Certificate("AWS", 2027)));
            grace.addCertificate(linus.addCertificate(new Certificate("AWS", 2027)));
            work.engineers().add(ada);
            work.engineers().add(linus);
            return new long[] {ada.getId(), linus.getId(), grace.getId()};
        });

        certTrack.useTransaction(work -> {
            Instructor grace = work.instructors().findById(ids[2]).orElseThrow();
            assertThat(grace.getEngineers()).hasSize(2);
            work.engineers().delete(work.engineers().findById(ids[0]).orElseThrow());
            assertThat(grace.getEngineers()).as("Grace's loaded certificates follow the deletion")
                    .extracting(Engineer::getName).containsExactly("Linus");
        });

        assertThat(queryForLong("SELECT COUNT(*) FROM certificates WHERE engineer_id = " + ids[0]))
                .as("Ada's certificate is deleted with her").isZero();
        assertThat(queryForLong("SELECT COUNT(*) FROM certificates")).as("Linus keeps his").isEqualTo(1);

        executeSql("DELETE FROM engineers WHERE id = " + ids[1]);
        assertThat(queryForLong("SELECT COUNT(*) FROM certificates"))
                .as("the database cascades a raw delete too").isZero();
        assertThat(queryForLong("SELECT COUNT(*) FROM instructors")).as("the instructor stays").isEqualTo(1);
    }

    @Test
    void deletingAnInstructorKeepsTheirCertificatesUnlinked() throws SQLException {
        long[] ids = certTrack.inTransaction(work -> {
            Instructor grace = new Instructor("Grace");
            Instructor alan = new Instructor("Alan");
            Engineer ada = new Engineer("Ada", "backend", 36);
            grace.addCertificate(ada.addCertificate(new Certificate("AWS", 2027)));
            alan.addCertificate(ada.addCertificate(new Certificate("Azure", 2028)));
            work.engineers().add(ada);
            return new long[] {ada.getId(), grace.getId(), alan.getId()};
        });

        certTrack.useTransaction(work -> {
            Instructor grace = work.instructors().findById(ids[1]).orElseThrow();
            Certificate aws = grace.getCertificates().get(0);
            work.instructors().delete(grace);
            assertThat(aws.getInstructor()).as("unlinked in memory").isNull();
        });
        executeSql("DELETE FROM instructors WHERE id = " + ids[2]);

        certTrack.useTransaction(work -> {
            Engineer ada = work.engineers().findById(ids[0]).orElseThrow();
            assertThat(ada.getCertificates()).extracting(Certificate::getTitle).containsExactly("AWS", "Azure");
            assertThat(ada.getCertificates()).extracting(Certificate::getInstructor).containsOnlyNulls();
            assertThat(ada.getInstructors()).isEmpty();
        });
    }
}
