package org.example.slice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The application's own entity, in its own migrated table. */
@Entity
@Table(name = "projects")
public class Project {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(name = "lead_engineer_id", nullable = false)
    private long leadEngineerId;

    protected Project() {
    }

    public Project(String name, long leadEngineerId) {
        this.name = name;
        this.leadEngineerId = leadEngineerId;
    }

    public String getName() {
        return name;
    }
}
