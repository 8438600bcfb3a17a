package org.certtrack;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.certtrack.internal.Bootstrap;
import org.certtrack.internal.Require;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.CurrentTimestamp;
import org.hibernate.annotations.SourceType;
import org.hibernate.generator.EventType;

/**
 * An instructor, who issues certificates. Maps the table {@code instructors}.
 *
 * <p>{@link #getCreatedAt()} and {@link #getUpdatedAt()} come from the database server's clock: both
 * are set on insert, and the database advances the update timestamp on every update, by any writer
 * (migration V4's trigger). Deleting an instructor keeps their certificates, unlinked.
 */
// Proxies and lazy collections load up to BATCH_FETCH_SIZE owners per statement, in any host's persistence unit.
@BatchSize(size = Bootstrap.BATCH_FETCH_SIZE)
@Entity
@Table(name = "instructors")
// The repositories' queries, checked against the mappings by Hibernate Processor while compiling.
@NamedQuery(name = "Instructor.count", query = "select count(*) from Instructor")
@NamedQuery(name = "Instructor.inNameOrder", query = "from Instructor i order by i.name, i.id")
@NamedQuery(name = "Instructor.inNameOrderAfter", query = "from Instructor i where (i.name, i.id) > (:name, :id) order by i.name, i.id")
@NamedQuery(name = "Instructor.idsInNameOrder", query = "select i.id from Instructor i order by i.name, i.id")
@NamedQuery(name = "Instructor.idsInNameOrderAfter",
        query = "select i.id from Instructor i where (i.name, i.id) > (:name, :id) order by i.name, i.id")
@NamedQuery(name = "Instructor.withEngineers", query = """
        select i from Instructor i
        left join fetch i.certificates c
        left join fetch c.engineer
        where i.id in :ids
        order by i.name, i.id""")
@NamedQuery(name = "Instructor.byNameContaining", query = """
        from Instructor i
        where cast(translate(i.name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') as String) like :pattern escape '\\'
        order by i.name, i.id""")
public class Instructor {

    /** The longest name the {@code instructors.name} column holds. */
    public static final int MAX_NAME_LENGTH = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "instructors_id_seq")
    @SequenceGenerator(name = "instructors_id_seq", sequenceName = "instructors_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "name", nullable = false, length = MAX_NAME_LENGTH)
    private String name;

    @CurrentTimestamp(event = EventType.INSERT, source = SourceType.DB)
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    // Written on insert and read back with it; on update the database's trigger advances it and Hibernate
    // neither writes nor reads it back. (Read back from the UPDATE itself, a version check that matched
    // no row surfaced as "no generated values" instead of a stale row naming the instructor and its id.)
    @CurrentTimestamp(event = EventType.INSERT, source = SourceType.DB)
    @Column(name = "updated_at", nullable = false, updatable = false)
    private Instant updatedAt;

    // Optimistic locking: an update or delete of a row another unit of work changed since this one read it fails.
    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @OneToMany(mappedBy = Certificate_.INSTRUCTOR)
    @OrderBy("id")
    @BatchSize(size = Bootstrap.BATCH_FETCH_SIZE)
    private List<Certificate> certificates = new ArrayList<>();

    /** For JPA only. */
    protected Instructor() {
    }

    /** @throws InvalidValueException if the name is blank or longer than {@value #MAX_NAME_LENGTH} */
    public Instructor(String name) {
        setName(name);
    }

    /** The database id; null until the instructor is persisted. */
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

    public String getName() {
        return name;
    }

    /** @throws InvalidValueException if the name is blank or longer than {@value #MAX_NAME_LENGTH} */
    public void setName(String name) {
        this.name = Require.text("Instructor.name", name, MAX_NAME_LENGTH);
    }

    /** When the row was inserted, by the database's clock; null until then. */
    public Instant getCreatedAt() {
        return createdAt;
    }

    /**
     * When the row was last written, by the database's clock, as of when this instructor was read or
     * inserted; null until inserted. An update this instructor's unit of work makes shows in an instructor
     * read afterwards.
     */
    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /** The certificates this instructor issued, in id order; read-only. */
    public List<Certificate> getCertificates() {
        return Collections.unmodifiableList(certificates);
    }

    /**
     * The engineers holding a certificate this instructor issued: each once, never null, ordered by name
     * and then id. Derived from {@link #getCertificates()}.
     */
    public List<Engineer> getEngineers() {
        return Certificate.distinctSorted(certificates, Certificate::getEngineer,
                Engineer::getName, Engineer::getId);
    }

    /**
     * Records this instructor as the certificate's issuer, replacing its previous instructor if any.
     *
     * @return the certificate, for chaining
     */
    public Certificate addCertificate(Certificate certificate) {
        Require.present("Instructor.certificates", certificate);
        Instructor previous = certificate.getInstructor();
        if (previous == this) {
            return certificate;
        }
        if (previous != null) {
            previous.certificates.remove(certificate);
        }
        certificates.add(certificate);
        certificate.linkInstructor(this);
        return certificate;
    }

    /** Unlinks the certificate from this instructor; the certificate itself stays. */
    public void removeCertificate(Certificate certificate) {
        if (certificates.remove(certificate)) {
            certificate.linkInstructor(null);
        }
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof Instructor instructor && id != null && id.equals(instructor.getId());
    }

    @Override
    public int hashCode() {
        // Constant, so that an instructor stays in its hash bucket when persisting assigns its id.
        return Instructor.class.hashCode();
    }

    @Override
    public String toString() {
        return "Instructor{id=" + id + ", name='" + name + "', createdAt=" + createdAt + ", updatedAt=" + updatedAt + "}";
    }
}
