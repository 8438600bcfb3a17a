package org.certtrack;

import jakarta.persistence.CascadeType;
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

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.certtrack.internal.Bootstrap;
import org.certtrack.internal.Require;
import org.hibernate.annotations.BatchSize;

/**
 * An engineer, who holds certificates. Maps the table {@code engineers}.
 *
 * <p>Certificates are added and removed only through {@link #addCertificate} and
 * {@link #removeCertificate}, which keep both sides of the association in sync; a certificate removed
 * from its engineer is deleted, and deleting an engineer deletes their certificates.
 */
// Proxies and lazy collections load up to BATCH_FETCH_SIZE owners per statement, in any host's persistence unit.
@BatchSize(size = Bootstrap.BATCH_FETCH_SIZE)
@Entity
@Table(name = "engineers")
// The repositories' queries, checked against the mappings by Hibernate Processor while compiling.
@NamedQuery(name = "Engineer.count", query = "select count(*) from Engineer")
@NamedQuery(name = "Engineer.inNameOrder", query = "from Engineer e order by e.name, e.id")
@NamedQuery(name = "Engineer.inNameOrderAfter", query = "from Engineer e where (e.name, e.id) > (:name, :id) order by e.name, e.id")
@NamedQuery(name = "Engineer.idsInNameOrder", query = "select e.id from Engineer e order by e.name, e.id")
@NamedQuery(name = "Engineer.idsInNameOrderAfter",
        query = "select e.id from Engineer e where (e.name, e.id) > (:name, :id) order by e.name, e.id")
@NamedQuery(name = "Engineer.withCertificates", query = """
        select e from Engineer e
        left join fetch e.certificates c
        left join fetch c.instructor
        where e.id in :ids
        order by e.name, e.id""")
@NamedQuery(name = "Engineer.byIdWithCertificates", query = """
        select e from Engineer e
        left join fetch e.certificates c
        left join fetch c.instructor
        where e.id = :id""")
@NamedQuery(name = "Engineer.bySpecialty", query = "from Engineer e where e.specialty = :specialty order by e.name, e.id")
// Ordered by specialty too, a no-op here, so that H2 also reads the (specialty, name, id) index in order instead of sorting.
@NamedQuery(name = "Engineer.bySpecialtyAfter", query = """
        from Engineer e
        where e.specialty = :specialty and (e.name, e.id) > (:name, :id)
        order by e.specialty, e.name, e.id""")
@NamedQuery(name = "Engineer.byNameContaining", query = """
        from Engineer e
        where cast(translate(e.name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') as String) like :pattern escape '\\'
        order by e.name, e.id""")
@NamedQuery(name = "Engineer.byInstructorId", query = """
        from Engineer e
        where e.id in (select c.engineer.id from Certificate c where c.instructor.id = :instructorId)
        order by e.name, e.id""")
public class Engineer {

    /** The longest name the {@code engineers.name} column holds. */
    public static final int MAX_NAME_LENGTH = 100;
    /** The longest specialty the {@code engineers.specialty} column holds. */
    public static final int MAX_SPECIALTY_LENGTH = 50;
    /** The youngest plausible engineer, as the database's {@code ck_engineers_age_plausible} checks. */
    public static final int MIN_AGE = 16;
    /** The oldest plausible engineer, as the database's {@code ck_engineers_age_plausible} checks. */
    public static final int MAX_AGE = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "engineers_id_seq")
    @SequenceGenerator(name = "engineers_id_seq", sequenceName = "engineers_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "name", nullable = false, length = MAX_NAME_LENGTH)
    private String name;

    @Column(name = "specialty", nullable = false, length = MAX_SPECIALTY_LENGTH)
    private String specialty;

    @Column(name = "age", nullable = false)
    private int age;

    // Optimistic locking: an update or delete of a row another unit of work changed since this one read it fails.
    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @OneToMany(mappedBy = Certificate_.ENGINEER, cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    @BatchSize(size = Bootstrap.BATCH_FETCH_SIZE)
    private List<Certificate> certificates = new ArrayList<>();

    /** For JPA only. */
    protected Engineer() {
    }

    /**
     * @throws InvalidValueException if the name or specialty is blank or too long, or the age is not
     *                               between {@value #MIN_AGE} and {@value #MAX_AGE}
     */
    public Engineer(String name, String specialty, int age) {
        setName(name);
        setSpecialty(specialty);
        setAge(age);
    }

    /** The database id; null until the engineer is persisted. */
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
        this.name = Require.text("Engineer.name", name, MAX_NAME_LENGTH);
    }

    public String getSpecialty() {
        return specialty;
    }

    /** @throws InvalidValueException if the specialty is blank or longer than {@value #MAX_SPECIALTY_LENGTH} */
    public void setSpecialty(String specialty) {
        this.specialty = Require.text("Engineer.specialty", specialty, MAX_SPECIALTY_LENGTH);
    }

    public int getAge() {
        return age;
    }

    /** @throws InvalidValueException if the age is not between {@value #MIN_AGE} and {@value #MAX_AGE} */
    public void setAge(int age) {
        this.age = Require.between("Engineer.age", age, MIN_AGE, MAX_AGE);
    }

    /** The engineer's certificates in id order (unsaved ones last, in the order added); read-only. */
    public List<Certificate> getCertificates() {
        return Collections.unmodifiableList(certificates);
    }

    /**
     * The instructors who issued this engineer's certificates: each once, never null, ordered by name
     * and then id. Derived from {@link #getCertificates()}.
     */
    public List<Instructor> getInstructors() {
        return Certificate.distinctSorted(certificates, Certificate::getInstructor,
                Instructor::getName, Instructor::getId);
    }

    /**
     * Gives this engineer the certificate, taking it from its previous engineer if it had one and it was
     * never saved. A saved certificate does not move: taking it from its engineer deletes it (orphan removal),
     * and the database would then get a deleted row back or a delete, depending on which engineer Hibernate
     * flushes first. Delete it from the one engineer and give the other a new {@link Certificate} instead.
     *
     * @return the certificate, for chaining
     * @throws InvalidValueException if the certificate was saved and belongs to another engineer
     */
    public Certificate addCertificate(Certificate certificate) {
        Require.present("Engineer.certificates", certificate);
        Engineer previous = certificate.getEngineer();
        // equals, not ==: a certificate loaded before its engineer holds Hibernate's proxy of this engineer.
        if (previous != null && previous.equals(this)) {
            return certificate;
        }
        if (previous != null && certificate.getId() != null) {
            throw new InvalidValueException("Engineer.certificates", "must not take a saved certificate from another"
                    + " engineer (certificate #" + certificate.getId() + " belongs to engineer #" + previous.getId()
                    + "; taking it from them deletes it): delete it there and add a new Certificate here", certificate);
        }
        if (previous != null) {
            previous.certificates.remove(certificate);
        }
        certificates.add(certificate);
        certificate.linkEngineer(this);
        return certificate;
    }

    /** Takes the certificate from this engineer; once the unit of work commits, it is deleted. */
    public void removeCertificate(Certificate certificate) {
        if (certificates.remove(certificate)) {
            certificate.linkEngineer(null);
        }
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof Engineer engineer && id != null && id.equals(engineer.getId());
    }

    @Override
    public int hashCode() {
        // Constant, so that an engineer stays in its hash bucket when persisting assigns its id.
        return Engineer.class.hashCode();
    }

    @Override
    public String toString() {
        return "Engineer{id=" + id + ", name='" + name + "', specialty='" + specialty + "', age=" + age + "}";
    }
}
