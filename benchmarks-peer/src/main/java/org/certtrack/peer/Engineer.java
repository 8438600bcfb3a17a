package org.certtrack.peer;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An engineer, who holds certificates: the table {@code engineers}. Saving one saves its certificates. */
@Entity
@Table(name = "engineers")
public class Engineer {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "engineers_id_seq")
    @SequenceGenerator(name = "engineers_id_seq", sequenceName = "engineers_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "specialty", nullable = false, length = 50)
    private String specialty;

    @Column(name = "age", nullable = false)
    private int age;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @OneToMany(mappedBy = "engineer", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<Certificate> certificates = new ArrayList<>();

    /** For JPA only. */
    protected Engineer() {
    }

    public Engineer(String name, String specialty, int age) {
        this.name = name;
        this.specialty = specialty;
        this.age = age;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getSpecialty() {
        return specialty;
    }

    public int getAge() {
        return age;
    }

    public List<Certificate> getCertificates() {
        return Collections.unmodifiableList(certificates);
    }

    /** Adds the certificate to this engineer, setting its engineer too. */
    public Certificate addCertificate(Certificate certificate) {
        certificates.add(certificate);
        certificate.setEngineer(this);
        return certificate;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Engineer that && id != null && id.equals(that.getId());
    }

    @Override
    public int hashCode() {
        return Engineer.class.hashCode();
    }

    @Override
    public String toString() {
        return "Engineer{id=" + id + ", name='" + name + "', specialty='" + specialty + "', age=" + age + "}";
    }
}
