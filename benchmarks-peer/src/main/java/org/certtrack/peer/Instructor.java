package org.certtrack.peer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An instructor, who issues certificates: the table {@code instructors}. The database sets both timestamps. */
@Entity
@Table(name = "instructors")
public class Instructor {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "instructors_id_seq")
    @SequenceGenerator(name = "instructors_id_seq", sequenceName = "instructors_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false, insertable = false, updatable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @OneToMany(mappedBy = "instructor")
    private List<Certificate> certificates = new ArrayList<>();

    /** For JPA only. */
    protected Instructor() {
    }

    public Instructor(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public List<Certificate> getCertificates() {
        return Collections.unmodifiableList(certificates);
    }

    /** The engineers holding a certificate this instructor issued, each once, ordered by name and then id. */
    public List<Engineer> getEngineers() {
        Map<Long, Engineer> byId = new LinkedHashMap<>();
        for (Certificate certificate : certificates) {
            byId.putIfAbsent(certificate.getEngineer().getId(), certificate.getEngineer());
        }
        List<Engineer> engineers = new ArrayList<>(byId.values());
        engineers.sort(Comparator.comparing(Engineer::getName).thenComparing(Engineer::getId));
        return engineers;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Instructor that && id != null && id.equals(that.getId());
    }

    @Override
    public int hashCode() {
        return Instructor.class.hashCode();
    }

    @Override
    public String toString() {
        return "Instructor{id=" + id + ", name='" + name + "'}";
    }
}
