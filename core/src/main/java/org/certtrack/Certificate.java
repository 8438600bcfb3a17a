package org.certtrack;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.certtrack.internal.Bootstrap;
import org.certtrack.internal.Require;
import org.hibernate.annotations.BatchSize;

/**
 * A certification an engineer holds, optionally issued by an instructor: the link entity between
 * {@link Engineer} and {@link Instructor}. Maps the table {@code certificates}.
 *
 * <p>Create one, then hand it to {@link Engineer#addCertificate} (required before it is saved) and,
 * when known, {@link Instructor#addCertificate}.
 */
// Proxies and lazy collections load up to BATCH_FETCH_SIZE owners per statement, in any host's persistence unit.
@BatchSize(size = Bootstrap.BATCH_FETCH_SIZE)
@Entity
@Table(name = "certificates")
// The repositories' queries, checked against the mappings by Hibernate Processor while compiling.
@NamedQuery(name = "Certificate.count", query = "select count(*) from Certificate")
@NamedQuery(name = "Certificate.inIdOrder", query = "from Certificate c order by c.id")
@NamedQuery(name = "Certificate.inIdOrderAfter", query = "from Certificate c where c.id > :id order by c.id")
@NamedQuery(name = "Certificate.expiringIn", query = """
        select c from Certificate c
        join fetch c.engineer
        left join fetch c.instructor
        where c.expirationYear = :year
        order by c.id""")
// Ordered by year too, a no-op here, so that H2 also reads the (expiration_year, id) index in order instead of sorting.
@NamedQuery(name = "Certificate.expiringInAfter", query = """
        select c from Certificate c
        join fetch c.engineer
        left join fetch c.instructor
        where c.expirationYear = :year and c.id > :id
        order by c.expirationYear, c.id""")
@NamedQuery(name = "Certificate.expiringInOrBefore", query = """
        select c from Certificate c
        join fetch c.engineer
        left join fetch c.instructor
        where c.expirationYear between :earliest and :year
        order by c.expirationYear, c.id""")
@NamedQuery(name = "Certificate.expiringInOrBeforeAfter", query = """
        select c from Certificate c
        join fetch c.engineer
        left join fetch c.instructor
        where c.expirationYear between :lastYear and :year and (c.expirationYear, c.id) > (:lastYear, :id)
        order by c.expirationYear, c.id""")
@NamedQuery(name = "Certificate.countExpiringIn", query = "select count(*) from Certificate c where c.expirationYear = :year")
@NamedQuery(name = "Certificate.byEngineerId", query = "from Certificate c where c.engineer.id = :engineerId order by c.id")
public class Certificate {

    /** The longest title the {@code certificates.title} column holds. */
    public static final int MAX_TITLE_LENGTH = 100;
    /** The earliest plausible expiration year, as {@code ck_certificates_expiration_year_plausible} checks. */
    public static final int MIN_EXPIRATION_YEAR = 2000;
    /** The latest plausible expiration year, as {@code ck_certificates_expiration_year_plausible} checks. */
    public static final int MAX_EXPIRATION_YEAR = 2100;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "certificates_id_seq")
    @SequenceGenerator(name = "certificates_id_seq", sequenceName = "certificates_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "title", nullable = false, length = MAX_TITLE_LENGTH)
    private String title;

    @Column(name = "expiration_year", nullable = false)
    private int expirationYear;

    // Optimistic locking: an update or delete of a row another unit of work changed since this one read it fails.
    @Version
    @Column(name = "version", nullable = false)
    private long version;

    // No cascade up to the parents: the repositories' add methods save a new engineer or instructor with
    // its certificates once, where a cascade would revisit both parents of every certificate at every flush.
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "engineer_id", nullable = false,
            foreignKey = @ForeignKey(name = "fk_certificates_engineer_id_engineers"))
    private Engineer engineer;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "instructor_id",
            foreignKey = @ForeignKey(name = "fk_certificates_instructor_id_instructors"))
    private Instructor instructor;

    /** For JPA only. */
    protected Certificate() {
    }

    /**
     * @throws InvalidValueException if the title is blank or too long, or the year is not between
     *                               {@value #MIN_EXPIRATION_YEAR} and {@value #MAX_EXPIRATION_YEAR}
     */
    public Certificate(String title, int expirationYear) {
        setTitle(title);
        setExpirationYear(expirationYear);
    }

    /** The database id; null until the certificate is persisted. */
    public Long getId() {
        return id;
    }

    /**
     * The row's version: 0 when inserted, one more after each update certtrack commits. An update based
     * on an older version fails with {@link ConcurrentUpdateException}.
     */
    public long getVersion() {
        return version;
    }

    public String getTitle() {
        return title;
    }

    /** @throws InvalidValueException if the title is blank or longer than {@value #MAX_TITLE_LENGTH} */
    public void setTitle(String title) {
        this.title = Require.text("Certificate.title", title, MAX_TITLE_LENGTH);
    }

    public int getExpirationYear() {
        return expirationYear;
    }

    /** @throws InvalidValueException if the year is not between {@value #MIN_EXPIRATION_YEAR} and {@value #MAX_EXPIRATION_YEAR} */
    public void setExpirationYear(int expirationYear) {
        this.expirationYear = Require.between("Certificate.expirationYear", expirationYear,
                MIN_EXPIRATION_YEAR, MAX_EXPIRATION_YEAR);
    }

    /** The engineer holding this certificate; null only before {@link Engineer#addCertificate}. */
    public Engineer getEngineer() {
        return engineer;
    }

    /** The instructor who issued this certificate, or null when none is recorded. */
    public Instructor getInstructor() {
        return instructor;
    }

    void linkEngineer(Engineer engineer) {
        this.engineer = engineer;
    }

    void linkInstructor(Instructor instructor) {
        this.instructor = instructor;
    }

    /**
     * The distinct, non-null values {@code side} gives for the certificates, ordered by name and then
     * id (unsaved ones last). Backs {@link Engineer#getInstructors()} and {@link Instructor#getEngineers()}.
     *
     * <p>Linear in the number of certificates: entities share one constant hash code, so a hashed set of
     * them is a list and deduplicating n of them in one takes n<sup>2</sup>/2 {@code equals} calls. Saved
     * values are keyed by their id instead, unsaved ones (no id yet) by identity, which is what
     * {@code equals} means for them.
     */
    static <T> List<T> distinctSorted(Collection<Certificate> certificates, Function<Certificate, T> side,
                                      Function<T, String> name, Function<T, Long> id) {
        Set<Long> savedIds = new HashSet<>();
        Set<T> unsaved = Collections.newSetFromMap(new IdentityHashMap<>());
        List<T> sorted = new ArrayList<>();
        for (Certificate certificate : certificates) {
            T value = side.apply(certificate);
            if (value != null) {
                Long key = id.apply(value);
                if (key != null ? savedIds.add(key) : unsaved.add(value)) {
                    sorted.add(value);
                }
            }
        }
        sorted.sort(Comparator.comparing(name).thenComparing(id, Comparator.nullsLast(Comparator.naturalOrder())));
        return sorted;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof Certificate certificate && id != null && id.equals(certificate.getId());
    }

    @Override
    public int hashCode() {
        // Constant, so that a certificate stays in its hash bucket when persisting assigns its id.
        return Certificate.class.hashCode();
    }

    @Override
    public String toString() {
        return "Certificate{id=" + id + ", title='" + title + "', expirationYear=" + expirationYear + "}";
    }
}
