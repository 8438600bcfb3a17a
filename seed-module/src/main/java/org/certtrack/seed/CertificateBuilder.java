package org.certtrack.seed;

import static java.util.Objects.requireNonNull;

import org.certtrack.Certificate;
import org.certtrack.Engineer;
import org.certtrack.Instructor;

/**
 * Builds unsaved {@link Certificate}s for tests, in the test-data-builder style.
 *
 * <pre>{@code
 * Certificate aws = aCertificate().titled("AWS").expiringIn(2027)
 *         .heldBy(anEngineer().named("Ada"))
 *         .issuedBy(anInstructor().named("Grace"))
 *         .build();
 * certTrack.useTransaction(work -> work.certificates().add(aws));   // saves Ada and Grace with it
 * }</pre>
 *
 * <p>Defaults: titled {@value #DEFAULT_TITLE}, expiring in {@value #DEFAULT_EXPIRATION_YEAR}, held by a
 * default {@link EngineerBuilder#anEngineer() engineer} (a certificate cannot be saved without one), issued
 * by no instructor. Inside {@link EngineerBuilder#withCertificate} the holder is the engineer being built,
 * inside {@link InstructorBuilder#withCertificate} the issuer is the instructor being built.
 *
 * <p>An {@link EngineerBuilder} or {@link InstructorBuilder} given to {@code heldBy} or {@code issuedBy}
 * builds one entity per top-level {@code build()}: certificates of one graph that name the same builder
 * (or both use the default holder) share that entity. An entity given to {@link #heldBy(Engineer)} or
 * {@link #issuedBy(Instructor)} is shared by every certificate built.
 */
public final class CertificateBuilder {

    /** The title a certificate gets unless {@link #titled} says otherwise. */
    public static final String DEFAULT_TITLE = "AWS";
    /** The expiration year a certificate gets unless {@link #expiringIn} says otherwise. */
    public static final int DEFAULT_EXPIRATION_YEAR = 2030;

    private String title = DEFAULT_TITLE;
    private int expirationYear = DEFAULT_EXPIRATION_YEAR;
    private EngineerBuilder holderBuilder;
    private Engineer holder;
    private InstructorBuilder issuerBuilder;
    private Instructor issuer;

    private CertificateBuilder() {
    }

    /** A builder of a valid certificate with the defaults. */
    public static CertificateBuilder aCertificate() {
        return new CertificateBuilder();
    }

    /** The certificate's title, such as {@code AWS}. */
    public CertificateBuilder titled(String title) {
        this.title = requireNonNull(title, "title");
        return this;
    }

    /** The year the certificate expires. */
    public CertificateBuilder expiringIn(int expirationYear) {
        this.expirationYear = expirationYear;
        return this;
    }

    /** The engineer who holds it, built once per top-level {@code build()} (see the class comment). */
    public CertificateBuilder heldBy(EngineerBuilder engineer) {
        this.holderBuilder = requireNonNull(engineer, "engineer");
        this.holder = null;
        return this;
    }

    /** The engineer who holds it: this very entity, saved or not, for every certificate built. */
    public CertificateBuilder heldBy(Engineer engineer) {
        this.holder = requireNonNull(engineer, "engineer");
        this.holderBuilder = null;
        return this;
    }

    /** The instructor who issued it, built once per top-level {@code build()} (see the class comment). */
    public CertificateBuilder issuedBy(InstructorBuilder instructor) {
        this.issuerBuilder = requireNonNull(instructor, "instructor");
        this.issuer = null;
        return this;
    }

    /** The instructor who issued it: this very entity, saved or not, for every certificate built. */
    public CertificateBuilder issuedBy(Instructor instructor) {
        this.issuer = requireNonNull(instructor, "instructor");
        this.issuerBuilder = null;
        return this;
    }

    /** No instructor recorded (the default). */
    public CertificateBuilder issuedByNobody() {
        this.issuer = null;
        this.issuerBuilder = null;
        return this;
    }

    /** An independent copy of this builder: changing one does not change the other. */
    public CertificateBuilder but() {
        CertificateBuilder copy = new CertificateBuilder();
        copy.title = title;
        copy.expirationYear = expirationYear;
        copy.holderBuilder = holderBuilder;
        copy.holder = holder;
        copy.issuerBuilder = issuerBuilder;
        copy.issuer = issuer;
        return copy;
    }

    /**
     * A new, unsaved certificate, given to its holder with {@link Engineer#addCertificate} and to its issuer
     * with {@link Instructor#addCertificate}, so both sides of both associations agree. Saving it saves its
     * new engineer and instructor too.
     *
     * @throws org.certtrack.InvalidValueException if a value breaks the entity's rules
     */
    public Certificate build() {
        BuildContext context = new BuildContext();
        Certificate certificate = build(context, true);
        holder(context).addCertificate(certificate);
        return certificate;
    }

    /** The certificate, issued by its instructor when {@code issued}; the caller gives it to an engineer. */
    Certificate build(BuildContext context, boolean issued) {
        Certificate certificate = new Certificate(title, expirationYear);
        Instructor instructor = !issued ? null
                : issuer != null ? issuer
                : issuerBuilder != null ? context.instructor(issuerBuilder) : null;
        if (instructor != null) {
            instructor.addCertificate(certificate);
        }
        return certificate;
    }

    /** The engineer who holds the certificates this builder builds in {@code context}. */
    Engineer holder(BuildContext context) {
        return holder != null ? holder : context.engineer(holderBuilder);
    }
}
