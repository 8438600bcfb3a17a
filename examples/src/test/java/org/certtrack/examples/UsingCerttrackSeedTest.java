package org.certtrack.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.certtrack.seed.CertificateBuilder.aCertificate;
import static org.certtrack.seed.EngineerBuilder.anEngineer;
import static org.certtrack.seed.InstructorBuilder.anInstructor;

import jakarta.persistence.EntityManager;

import java.util.List;

import org.certtrack.CertTrack;
import org.certtrack.Certificate;
import org.certtrack.Engineer;
import org.certtrack.EngineerRepository;
import org.certtrack.Instructor;
import org.certtrack.InstructorRepository;
import org.certtrack.PageRequest;
import org.certtrack.seed.EngineerBuilder;
import org.certtrack.seed.Fixtures;
import org.certtrack.seed.InstructorBuilder;
import org.certtrack.seed.SeedResult;
import org.certtrack.seed.junit.CertTrackExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How a project that embeds certtrack tests against it with {@code certtrack-seed}: a test-scoped
 * dependency, its builders and its JUnit extension, nothing else.
 */
class UsingCerttrackSeedTest {

    // H2 here; PostgreSQL when CERTTRACK_TEST_JDBC_URL (or -Dcerttrack.test.jdbc-url) names one.
    @RegisterExtension
    static CertTrackExtension db = CertTrackExtension.create().withStandardData(2024);

    @Test
    void theStandardDataSetIsLoadedBeforeEachTest(EngineerRepository engineers, SeedResult preloaded) {
        assertThat(preloaded.seed()).isEqualTo(2024);
        assertThat(engineers.count()).as("seed.py's ten engineers").isEqualTo(10);
    }

    @Test
    void buildersMakeAGraphThatOneCallSaves(CertTrack certTrack) {
        InstructorBuilder grace = anInstructor().named("Grace Hopper");
        EngineerBuilder ada = anEngineer().named("Ada Lovelace").withSpecialty("backend").withAge(36)
                .withCertificate(aCertificate().titled("AWS").expiringIn(2027).issuedBy(grace))
                .withCertificate(aCertificate().titled("Azure").expiringIn(2029).issuedBy(grace));
        Engineer linus = ada.but().named("Linus Torvalds").withSpecialty("devops").build();

        certTrack.useTransaction(work -> {
            work.engineers().add(ada.build());
            work.engineers().add(linus);
        });

        certTrack.useTransaction(work -> {
            Instructor saved = work.instructors().findByNameContaining("Grace Hopper", PageRequest.first()).get(0);
            assertThat(work.engineers().findByInstructorId(saved.getId(), PageRequest.first()))
                    .extracting(Engineer::getName).containsExactly("Ada Lovelace");
            assertThat(work.engineers().findByNameContaining("Linus", PageRequest.first()).get(0).getInstructors())
                    .as("Linus's copy names its own Grace").extracting(Instructor::getName).containsExactly("Grace Hopper");
        });
    }

    @Test
    void anInjectedEntityManagerRollsBackAfterTheTest(EntityManager entityManager, InstructorRepository instructors) {
        instructors.add(Fixtures.instructorWithoutCertificates().build());
        entityManager.flush();
        entityManager.clear();

        List<Instructor> found = instructors.findByNameContaining("Barbara", PageRequest.first());
        assertThat(found).hasSize(1);
        assertThat(instructors.findAllWithEngineers(PageRequest.first()))
                .filteredOn(instructor -> instructor.getName().equals("Barbara Liskov"))
                .allSatisfy(instructor -> assertThat(instructor.getCertificates()).isEmpty());
    }

    @Test
    void certificatesExpiringThisYear(CertTrack certTrack) {
        Certificate expiring = Fixtures.certificateExpiringThisYear().build();
        certTrack.useTransaction(work -> work.certificates().add(expiring));

        certTrack.useTransaction(work -> assertThat(work.certificates().findExpiringIn(expiring.getExpirationYear(), PageRequest.first()))
                .extracting(c -> c.getEngineer().getName()).contains("Linus Torvalds"));
    }
}
