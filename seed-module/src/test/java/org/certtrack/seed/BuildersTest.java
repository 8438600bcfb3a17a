package org.certtrack.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.certtrack.seed.CertificateBuilder.aCertificate;
import static org.certtrack.seed.EngineerBuilder.anEngineer;
import static org.certtrack.seed.InstructorBuilder.anInstructor;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.certtrack.CertTrack;
import org.certtrack.PageRequest;
import org.certtrack.Certificate;
import org.certtrack.Engineer;
import org.certtrack.Instructor;
import org.certtrack.InvalidValueException;
import org.certtrack.seed.junit.CertTrackExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fixture builders and named fixtures: valid defaults, consistent graphs, independent copies, one-call saves. */
class BuildersTest {

    @RegisterExtension
    static CertTrackExtension db = CertTrackExtension.embedded();

    @Test
    void defaultsAreValidAndSaveInOneCall(CertTrack certTrack) {
        Certificate certificate = aCertificate().issuedBy(anInstructor()).build();

        long id = certTrack.inTransaction(work -> work.certificates().add(certificate).getId());

        certTrack.useTransaction(work -> {
            Certificate saved = work.certificates().findById(id).orElseThrow();
            assertThat(saved.getTitle()).isEqualTo(CertificateBuilder.DEFAULT_TITLE);
            assertThat(saved.getExpirationYear()).isEqualTo(CertificateBuilder.DEFAULT_EXPIRATION_YEAR);
            assertThat(saved.getEngineer().getName()).as("the default holder, saved with the certificate").isEqualTo(EngineerBuilder.DEFAULT_NAME);
            assertThat(saved.getInstructor().getName()).as("the issuer, saved with the certificate").isEqualTo(InstructorBuilder.DEFAULT_NAME);
        });
    }

    @Test
    void anEngineerGraphAgreesOnBothSidesAndSavesInOneCall(CertTrack certTrack) {
        InstructorBuilder grace = anInstructor().named("Grace");
        Engineer ada = anEngineer().named("Ada").withSpecialty("frontend").withAge(40)
                .withCertificate(aCertificate().titled("AWS").issuedBy(grace))
                .withCertificate(aCertificate().titled("Azure").issuedBy(grace))
                .withCertificate(aCertificate().titled("Github"))
                .build();

        assertThat(ada.getCertificates()).extracting(Certificate::getEngineer).containsOnly(ada);
        assertThat(ada.getInstructors()).as("one Grace for both of her certificates").hasSize(1);
        Instructor builtGrace = ada.getInstructors().get(0);
        assertThat(builtGrace.getCertificates()).extracting(Certificate::getTitle).containsExactly("AWS", "Azure");
        assertThat(builtGrace.getEngineers()).containsExactly(ada);
        assertThat(ada.getId()).as("builders do not save").isNull();

        long id = certTrack.inTransaction(work -> work.engineers().add(ada).getId());

        certTrack.useTransaction(work -> {
            Engineer saved = work.engineers().findByIdWithCertificates(id).orElseThrow();
            assertThat(saved.getName()).isEqualTo("Ada");
            assertThat(saved.getSpecialty()).isEqualTo("frontend");
            assertThat(saved.getAge()).isEqualTo(40);
            assertThat(saved.getCertificates()).extracting(Certificate::getTitle).containsExactly("AWS", "Azure", "Github");
            assertThat(saved.getInstructors()).extracting(Instructor::getName).containsExactly("Grace");
            assertThat(work.instructors().count()).isEqualTo(1);
        });
    }

    @Test
    void butGivesAnIndependentCopy() {
        EngineerBuilder ada = anEngineer().named("Ada").withCertificate(aCertificate().titled("AWS"));
        EngineerBuilder linus = ada.but().named("Linus").withCertificate(aCertificate().titled("Azure"));
        ada.withAge(50);

        Engineer builtAda = ada.build();
        Engineer builtLinus = linus.build();
        assertThat(builtAda.getName()).isEqualTo("Ada");
        assertThat(builtAda.getAge()).isEqualTo(50);
        assertThat(builtAda.getCertificates()).extracting(Certificate::getTitle).containsExactly("AWS");
        assertThat(builtLinus.getName()).isEqualTo("Linus");
        assertThat(builtLinus.getAge()).as("the copy kept the age it had when copied").isEqualTo(EngineerBuilder.DEFAULT_AGE);
        assertThat(builtLinus.getCertificates()).extracting(Certificate::getTitle).containsExactly("AWS", "Azure");
        assertThat(ada.build()).as("every build makes new entities").isNotSameAs(builtAda);
        assertThat(ada.build().getCertificates().get(0)).isNotSameAs(builtAda.getCertificates().get(0));
    }

    @Test
    void anInstructorGraphLinksItsCertificatesToTheirHolders(CertTrack certTrack) {
        Instructor grace = anInstructor().named("Grace")
                .withCertificate(aCertificate().titled("AWS").heldBy(anEngineer().named("Ada")))
                .withCertificate(aCertificate().titled("Azure").heldBy(anEngineer().named("Linus")))
                .build();

        assertThat(grace.getEngineers()).extracting(Engineer::getName).containsExactly("Ada", "Linus");
        assertThat(grace.getCertificates()).extracting(Certificate::getInstructor).containsOnly(grace);

        certTrack.useTransaction(work -> grace.getEngineers().forEach(work.engineers()::add));
        certTrack.useTransaction(work -> {
            Instructor saved = work.instructors().findByNameContaining("Grace", PageRequest.first()).get(0);
            assertThat(work.engineers().findByInstructorId(saved.getId(), PageRequest.first())).extracting(Engineer::getName).containsExactly("Ada", "Linus");
        });
    }

    @Test
    void aParentIsOneBuiltEntityPerBuilderOrOneGivenEntity() {
        EngineerBuilder ada = anEngineer().named("Ada");
        InstructorBuilder grace = anInstructor().named("Grace")
                .withCertificate(aCertificate().titled("AWS").heldBy(ada))
                .withCertificate(aCertificate().titled("Azure").heldBy(ada));

        Instructor built = grace.build();
        assertThat(built.getEngineers()).as("one Ada for both certificates").hasSize(1);
        assertThat(built.getEngineers().get(0).getCertificates()).extracting(Certificate::getTitle).containsExactly("AWS", "Azure");
        assertThat(grace.build().getEngineers().get(0)).as("each build makes its own Ada").isNotSameAs(built.getEngineers().get(0));

        Engineer linus = anEngineer().named("Linus").build();
        Certificate first = aCertificate().heldBy(linus).build();
        Certificate second = aCertificate().heldBy(linus).build();
        assertThat(linus.getCertificates()).as("a given engineer holds every certificate built for it").containsExactly(first, second);
    }

    @Test
    void invalidValuesAreRejectedByTheEntitiesWhenBuilt() {
        EngineerBuilder tooYoung = anEngineer().withAge(3);

        assertThatThrownBy(tooYoung::build).isInstanceOf(InvalidValueException.class).hasMessageContaining("Engineer.age");
        assertThatThrownBy(() -> anEngineer().named(null)).isInstanceOf(NullPointerException.class).hasMessage("name");
    }

    @Test
    void namedFixtures(CertTrack certTrack) {
        Engineer ada = Fixtures.engineerWithCertificatesFromTwoInstructors().build();
        assertThat(ada.getInstructors()).extracting(Instructor::getName).containsExactly("Alan Turing", "Grace Hopper");
        assertThat(ada.getCertificates()).hasSize(3);

        assertThat(Fixtures.instructorWithoutCertificates().build().getCertificates()).isEmpty();

        Clock newYearsEve2031 = Clock.fixed(Instant.parse("2031-12-31T23:59:00Z"), ZoneOffset.UTC);
        Certificate expiring = Fixtures.certificateExpiringThisYear(newYearsEve2031).build();
        assertThat(expiring.getExpirationYear()).isEqualTo(2031);
        assertThat(expiring.getEngineer()).as("its holder").isNotNull();

        certTrack.useTransaction(work -> {
            work.engineers().add(ada);
            work.instructors().add(Fixtures.instructorWithoutCertificates().build());
            work.certificates().add(expiring);
        });
        certTrack.useTransaction(work -> {
            assertThat(work.engineers().count()).isEqualTo(2);
            assertThat(work.instructors().count()).isEqualTo(3);
            assertThat(work.certificates().count()).isEqualTo(4);
        });
    }
}
