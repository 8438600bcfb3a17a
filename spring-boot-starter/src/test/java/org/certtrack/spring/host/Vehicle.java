package org.certtrack.spring.host;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;

/** The root of the host's JOINED hierarchy: a bulk delete of a subclass needs Hibernate's temporary tables on H2. */
@Entity
@Table(name = "vehicles")
@Inheritance(strategy = InheritanceType.JOINED)
public abstract class Vehicle {

    @Id
    @GeneratedValue
    private Long id;

    private String plate;

    protected Vehicle() {
    }

    protected Vehicle(String plate) {
        this.plate = plate;
    }

    public Long getId() {
        return id;
    }
}
