package org.certtrack.spring.host;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A vehicle with a table of its own below {@link Vehicle}'s. */
@Entity
@Table(name = "trucks")
public class Truck extends Vehicle {

    private int payload;

    protected Truck() {
    }

    public Truck(String plate, int payload) {
        super(plate);
        this.payload = payload;
    }
}
