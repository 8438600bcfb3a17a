package org.certtrack.seed;

import static java.util.Objects.requireNonNull;
import static org.certtrack.seed.CertificateBuilder.aCertificate;
import static org.certtrack.seed.EngineerBuilder.anEngineer;
import static org.certtrack.seed.InstructorBuilder.anInstructor;

import java.time.Clock;
import java.time.Year;

/**
 * Named fixtures for situations tests meet again and again. Each returns a fresh builder, so a test can
 * vary it with {@code but()} and the builder's {@code withX} methods before {@code build()}; the entities
 * are unsaved until the test saves them.
 *
 * <pre>{@code
 * Engineer ada = Fixtures.engineerWithCertificatesFromTwoInstructors().build();
 * certTrack.useTransaction(work -> work.engineers().add(ada));   // Ada, 3 certificates, Grace and Alan
 * }</pre>
 */
public final class Fixtures {

    private Fixtures() {
    }

    /**
     * Ada Lovelace (backend, 36) holding three certificates from two instructors: {@code AWS} (2027) and
     * {@code Azure} (2028) from Grace Hopper, {@code Github} (2029) from Alan Turing. Grace is one instructor
     * with two certificates, so {@code getInstructors()} lists two instructors, each once.
     */
    public static EngineerBuilder engineerWithCertificatesFromTwoInstructors() {
        InstructorBuilder grace = anInstructor().named("Grace Hopper");
        InstructorBuilder alan = anInstructor().named("Alan Turing");
        return anEngineer().named("Ada Lovelace").withSpecialty("backend").withAge(36)
                .withCertificate(aCertificate().titled("AWS").expiringIn(2027).issuedBy(grace))
                .withCertificate(aCertificate().titled("Azure").expiringIn(2028).issuedBy(grace))
                .withCertificate(aCertificate().titled("Github").expiringIn(2029).issuedBy(alan));
    }

    /** Barbara Liskov, an instructor who has issued no certificates (so has no engineers). */
    public static InstructorBuilder instructorWithoutCertificates() {
        return anInstructor().named("Barbara Liskov");
    }

    /**
     * An {@code Azure} certificate expiring in the current year of {@code clock}, held by Linus Torvalds
     * (devops, 54) and issued by no instructor. Pass a fixed clock ({@link Clock#fixed}) to pin the year.
     */
    public static CertificateBuilder certificateExpiringThisYear(Clock clock) {
        requireNonNull(clock, "clock");
        return aCertificate().titled("Azure").expiringIn(Year.now(clock).getValue())
                .heldBy(anEngineer().named("Linus Torvalds").withSpecialty("devops").withAge(54));
    }

    /** {@link #certificateExpiringThisYear(Clock)} by the UTC calendar of the system clock. */
    public static CertificateBuilder certificateExpiringThisYear() {
        return certificateExpiringThisYear(Clock.systemUTC());
    }
}
