package org.certtrack.seed;

import static java.util.Objects.requireNonNull;

import java.util.function.Supplier;

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
 * <p>Each parent has one source: a builder, which builds a new entity, or an entity, which every certificate
 * built shares. The certificates one {@link EngineerBuilder#build()} (or {@link InstructorBuilder#build()})
 * builds share one entity per builder they name (or one default holder), so two certificates
 * {@code issuedBy(grace)} are issued by one Grace.
 */
public final class CertificateBuilder {

    /** The title a certificate gets unless {@link #titled} says otherwise. */
    public static final String DEFAULT_TITLE = "AWS";
    /** The expiration year a certificate gets unless {@link #expiringIn} says otherwise. */
    public static final int DEFAULT_EXPIRATION_YEAR = 2030;

    /** One source for every certificate, so that the certificates of one graph that keep it share an engineer. */
    private static final Supplier<Engineer> DEFAULT_HOLDER = () -> EngineerBuilder.anEngineer().build();
    private static final Supplier<Instructor> NOBODY = () -> null;

    private String title = DEFAULT_TITLE;
    private int expirationYear = DEFAULT_EXPIRATION_YEAR;
    /** Where the holder comes from; read by {@link InstructorBuilder#build()} to share one per builder. */
    Supplier<Engineer> holder = DEFAULT_HOLDER;
    /** Where the issuer comes from (null from {@link #NOBODY}); read by {@link EngineerBuilder#build()}. */
    Supplier<Instructor> issuer = NOBODY;

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

    /** The engineer who holds it, built anew by each {@code build()} (see the class comment). */
    public CertificateBuilder heldBy(EngineerBuilder engineer) {
        this.holder = requireNonNull(engineer, "engineer");
        return this;
    }

    /** The engineer who holds it: this very entity, saved or not, for every certificate built. */
    public CertificateBuilder heldBy(Engineer engineer) {
        requireNonNull(engineer, "engineer");
        this.holder = () -> engineer;
        return this;
    }

    /** The instructor who issued it, built anew by each {@code build()} (see the class comment). */
    public CertificateBuilder issuedBy(InstructorBuilder instructor) {
        this.issuer = requireNonNull(instructor, "instructor");
        return this;
    }

    /** The instructor who issued it: this very entity, saved or not, for every certificate built. */
    public CertificateBuilder issuedBy(Instructor instructor) {
        requireNonNull(instructor, "instructor");
        this.issuer = () -> instructor;
        return this;
    }

    /** No instructor recorded (the default). */
    public CertificateBuilder issuedByNobody() {
        this.issuer = NOBODY;
        return this;
    }

    /** An independent copy of this builder: changing one does not change the other. */
    public CertificateBuilder but() {
        CertificateBuilder copy = aCertificate().titled(title).expiringIn(expirationYear);
        copy.holder = holder;
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
        return build(holder.get(), issuer.get());
    }

    /** A new certificate linked to {@code holder} and to {@code issuer} (none when null) on both sides. */
    Certificate build(Engineer holder, Instructor issuer) {
        Certificate certificate = holder.addCertificate(new Certificate(title, expirationYear));
        if (issuer != null) {
            issuer.addCertificate(certificate);
        }
        return certificate;
    }
}
