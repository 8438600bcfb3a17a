package org.certtrack.spring.host;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The host's own entity with optimistic locking, and a named query Hibernate checks at boot. */
@Entity
@Table(name = "squads")
@NamedQuery(name = "Squad.byName", query = "from Squad s where s.name = :name")
public class Squad {

    @Id
    @GeneratedValue
    private Long id;

    private String name;

    @Version
    private long version;

    protected Squad() {
    }

    public Squad(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
