package org.certtrack.seed;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.certtrack.Engineer;
import org.certtrack.Instructor;

/**
 * Builds unsaved {@link Instructor}s for tests, in the test-data-builder style.
 *
 * <pre>{@code
 * Instructor grace = anInstructor().named("Grace Hopper")
 *         .withCertificate(aCertificate().titled("AWS").heldBy(anEngineer().named("Ada")))
 *         .build();
 * certTrack.useTransaction(work -> grace.getEngineers().forEach(work.engineers()::add));   // Ada, AWS and Grace
 * }</pre>
 *
 * <p>Defaults: named {@value #DEFAULT_NAME}, no certificates. Builders are mutable; {@link #but()} gives an
 * independent copy to vary.
 */
public final class InstructorBuilder implements Supplier<Instructor> {

    /** The name an instructor gets unless {@link #named} says otherwise. */
    public static final String DEFAULT_NAME = "Grace Hopper";

    private String name = DEFAULT_NAME;
    private final List<CertificateBuilder> certificates = new ArrayList<>();

    private InstructorBuilder() {
    }

    /** A builder of a valid instructor with the defaults. */
    public static InstructorBuilder anInstructor() {
        return new InstructorBuilder();
    }

    /** The instructor's name. */
    public InstructorBuilder named(String name) {
        this.name = requireNonNull(name, "name");
        return this;
    }

    /**
     * Adds a certificate this instructor issued; each {@link #build()} builds it anew (with its holder) from
     * a copy of {@code certificate} taken now. Its {@link CertificateBuilder#issuedBy issuer} is ignored: it is
     * this instructor.
     */
    public InstructorBuilder withCertificate(CertificateBuilder certificate) {
        certificates.add(requireNonNull(certificate, "certificate").but());
        return this;
    }

    /** Removes the certificates added so far. */
    public InstructorBuilder withNoCertificates() {
        certificates.clear();
        return this;
    }

    /** An independent copy of this builder: changing one does not change the other. */
    public InstructorBuilder but() {
        InstructorBuilder copy = new InstructorBuilder().named(name);
        certificates.forEach(certificate -> copy.certificates.add(certificate.but()));
        return copy;
    }

    /**
     * A new, unsaved instructor linked to new certificates (and their holders) through
     * {@link Instructor#addCertificate} and {@link org.certtrack.Engineer#addCertificate}, so both sides agree.
     * Saving the instructor saves only the instructor; save its certificates' engineers to save the graph.
     *
     * @throws org.certtrack.InvalidValueException if a value breaks the entity's rules
     */
    public Instructor build() {
        Instructor instructor = new Instructor(name);
        Map<Supplier<Engineer>, Engineer> holders = new IdentityHashMap<>(); // one per builder named
        certificates.forEach(certificate -> certificate.build(
                holders.computeIfAbsent(certificate.holder, Supplier::get), instructor));
        return instructor;
    }

    /** {@link #build()}: a builder is a source of instructors for {@link CertificateBuilder#issuedBy(InstructorBuilder)}. */
    @Override
    public Instructor get() {
        return build();
    }
}
