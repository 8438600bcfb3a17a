package org.certtrack.spring.typo;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A host entity whose named query names an attribute it does not have: Hibernate refuses it at boot. */
@Entity
@Table(name = "misspelled")
@NamedQuery(name = "Misspelled.byName", query = "from Misspelled m where m.nmae = :name")
public class Misspelled {

    @Id
    private Long id;

    private String name;
}
