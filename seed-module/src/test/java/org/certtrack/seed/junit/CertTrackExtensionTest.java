package org.certtrack.seed.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.certtrack.seed.EngineerBuilder.anEngineer;

import jakarta.persistence.EntityManager;

import org.certtrack.CertTrack;
import org.certtrack.PageRequest;
import org.certtrack.CertificateRepository;
import org.certtrack.Engineer;
import org.certtrack.EngineerRepository;
import org.certtrack.InstructorRepository;
import org.certtrack.seed.DataSet;
import org.certtrack.seed.Fixtures;
import org.certtrack.seed.SeedResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What {@link CertTrackExtension} injects, what it preloads, and that each test starts from the preload. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CertTrackExtensionTest {

    private static final long SEED = 7;

    @RegisterExtension
    static CertTrackExtension db = CertTrackExtension.embedded()
            .withStandardData(SEED)
            .withFixture(work -> work.engineers().add(Fixtures.engineerWithCertificatesFromTwoInstructors().build()));

    private static String databaseOfTheClass;

    @BeforeAll
    static void theDatabaseIsReadyBeforeAll(CertTrack certTrack, TestDatabase database) {
        assertThat(database.isPostgres()).as("embedded() is H2").isFalse();
        assertThat(certTrack.migrations().currentVersion()).as("migrated").hasValue("8");
        databaseOfTheClass = database.url().jdbcUrl();
    }

    @Test
    @Order(1)
    void injectsTheRepositoriesOverOneEntityManagerInATransaction(EntityManager entityManager, EngineerRepository engineers,
                                                                  CertificateRepository certificates,
                                                                  InstructorRepository instructors, SeedResult preloaded) {
        assertThat(entityManager.getTransaction().isActive()).as("the test's transaction").isTrue();
        assertThat(preloaded.seed()).isEqualTo(SEED);
        assertThat(preloaded.dataSet()).isEqualTo(DataSet.standard());
        assertThat(engineers.count()).as("the standard data set plus the fixture's Ada").isEqualTo(11);
        assertThat(certificates.count()).isEqualTo(43);
        assertThat(instructors.count()).isEqualTo(DataSet.STANDARD_INSTRUCTORS + 2);

        Engineer linus = engineers.add(anEngineer().named("Linus, rolled back").build());
        entityManager.flush();
        entityManager.clear();
        assertThat(engineers.findById(linus.getId())).as("seen inside the test's transaction").isPresent();
    }

    @Test
    @Order(2)
    void commitsThroughCertTrack(CertTrack certTrack, TestDatabase database) {
        assertThat(database.url().jdbcUrl()).as("the same database all class long").isEqualTo(databaseOfTheClass);
        certTrack.useTransaction(work -> work.engineers().add(anEngineer().named("Grace, committed").build()));
        certTrack.useTransaction(work -> assertThat(work.engineers().count()).isEqualTo(12));
    }

    @Test
    @Order(3)
    void theNextTestSeesOnlyThePreload(EngineerRepository engineers, CertTrack certTrack) {
        assertThat(engineers.findByNameContaining("rolled back", PageRequest.first())).as("written through the injected repository").isEmpty();
        assertThat(engineers.findByNameContaining("committed", PageRequest.first())).as("committed through CertTrack").isEmpty();
        assertThat(engineers.count()).isEqualTo(11);
        certTrack.useTransaction(work -> assertThat(work.engineers().findByNameContaining("Ada Lovelace", PageRequest.first())).hasSize(1));
    }

    /** A nested class shares its enclosing class's database and preload; it does not open another. */
    @Nested
    class NestedTests {

        @Test
        void shareTheEnclosingDatabase(TestDatabase database, EngineerRepository engineers) {
            assertThat(database.url().jdbcUrl()).isEqualTo(databaseOfTheClass);
            assertThat(engineers.count()).as("the standard data set plus the fixture's Ada").isEqualTo(11);
        }
    }
}
