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
 * Builds unsaved {@link Engineer}s for tests, in the test-data-builder style.
 *
 * <pre>{@code
 * InstructorBuilder grace = anInstructor().named("Grace Hopper");
 * EngineerBuilder ada = anEngineer().named("Ada").withSpecialty("backend").withAge(36)
 *         .withCertificate(aCertificate().titled("AWS").issuedBy(grace))
 *         .withCertificate(aCertificate().titled("Azure").issuedBy(grace));   // the same Grace
 * Engineer linus = ada.but().named("Linus").withSpecialty("devops").build();
 * certTrack.useTransaction(work -> work.engineers().add(ada.build()));   // one call saves the graph
 * }</pre>
 *
 * <p>Defaults: named {@value #DEFAULT_NAME}, specialty {@value #DEFAULT_SPECIALTY}, age
 * {@value #DEFAULT_AGE}, no certificates. Builders are mutable; {@link #but()} gives an independent copy.
 */
public final class EngineerBuilder implements Supplier<Engineer> {

    /** The name an engineer gets unless {@link #named} says otherwise. */
    public static final String DEFAULT_NAME = "Ada Lovelace";
    /** The specialty an engineer gets unless {@link #withSpecialty} says otherwise. */
    public static final String DEFAULT_SPECIALTY = "backend";
    /** The age an engineer gets unless {@link #withAge} says otherwise. */
    public static final int DEFAULT_AGE = 36;

    private String name = DEFAULT_NAME;
    private String specialty = DEFAULT_SPECIALTY;
    private int age = DEFAULT_AGE;
    private final List<CertificateBuilder> certificates = new ArrayList<>();

    private EngineerBuilder() {
    }

    /** A builder of a valid engineer with the defaults. */
    public static EngineerBuilder anEngineer() {
        return new EngineerBuilder();
    }

    /** The engineer's name. */
    public EngineerBuilder named(String name) {
        this.name = requireNonNull(name, "name");
        return this;
    }

    /** The engineer's specialty, such as {@code backend}. */
    public EngineerBuilder withSpecialty(String specialty) {
        this.specialty = requireNonNull(specialty, "specialty");
        return this;
    }

    /** The engineer's age. */
    public EngineerBuilder withAge(int age) {
        this.age = age;
        return this;
    }

    /**
     * Adds a certificate the engineer holds; each {@link #build()} builds it anew from a copy of
     * {@code certificate} taken now. Its {@link CertificateBuilder#heldBy holder} is ignored: it is this engineer.
     */
    public EngineerBuilder withCertificate(CertificateBuilder certificate) {
        certificates.add(requireNonNull(certificate, "certificate").but());
        return this;
    }

    /** Removes the certificates added so far. */
    public EngineerBuilder withNoCertificates() {
        certificates.clear();
        return this;
    }

    /** An independent copy of this builder: changing one does not change the other. */
    public EngineerBuilder but() {
        EngineerBuilder copy = anEngineer().named(name).withSpecialty(specialty).withAge(age);
        certificates.forEach(certificate -> copy.certificates.add(certificate.but()));
        return copy;
    }

    /**
     * A new, unsaved engineer holding new certificates, linked through {@link Engineer#addCertificate} (and
     * {@link org.certtrack.Instructor#addCertificate}) so both sides agree. Saving the engineer saves its
     * certificates and their new instructors: {@code work.engineers().add(engineer)}.
     *
     * @throws org.certtrack.InvalidValueException if a value breaks the entity's rules
     */
    public Engineer build() {
        Engineer engineer = new Engineer(name, specialty, age);
        Map<Supplier<Instructor>, Instructor> issuers = new IdentityHashMap<>(); // one per builder named
        certificates.forEach(certificate -> certificate.build(engineer,
                issuers.computeIfAbsent(certificate.issuer, Supplier::get)));
        return engineer;
    }

    /** {@link #build()}: a builder is a source of engineers for {@link CertificateBuilder#heldBy(EngineerBuilder)}. */
    @Override
    public Engineer get() {
        return build();
    }
}
