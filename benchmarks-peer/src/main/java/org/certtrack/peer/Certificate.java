package org.certtrack.peer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A certificate an engineer holds, optionally issued by an instructor: the table {@code certificates}. */
@Entity
@Table(name = "certificates")
public class Certificate {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "certificates_id_seq")
    @SequenceGenerator(name = "certificates_id_seq", sequenceName = "certificates_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "title", nullable = false, length = 100)
    private String title;

    @Column(name = "expiration_year", nullable = false)
    private int expirationYear;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "engineer_id", nullable = false)
    private Engineer engineer;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "instructor_id")
    private Instructor instructor;

    /** For JPA only. */
    protected Certificate() {
    }

    public Certificate(String title, int expirationYear) {
        this.title = title;
        this.expirationYear = expirationYear;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public int getExpirationYear() {
        return expirationYear;
    }

    public Engineer getEngineer() {
        return engineer;
    }

    public Instructor getInstructor() {
        return instructor;
    }

    void setEngineer(Engineer engineer) {
        this.engineer = engineer;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Certificate that && id != null && id.equals(that.getId());
    }

    @Override
    public int hashCode() {
        return Certificate.class.hashCode();
    }

    @Override
    public String toString() {
        return "Certificate{id=" + id + ", title='" + title + "', expirationYear=" + expirationYear + "}";
    }
}
