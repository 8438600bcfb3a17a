package org.certtrack.examples.springboot;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The application's own entity, in its own table ({@code db/migration/V1__create_team_notes.sql}): a note on an engineer. */
@Entity
@Table(name = "team_notes")
class TeamNote {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "engineer_id", nullable = false)
    private long engineerId;

    @Column(nullable = false, length = 200)
    private String note;

    protected TeamNote() {
    }

    TeamNote(long engineerId, String note) {
        this.engineerId = engineerId;
        this.note = note;
    }

    String getNote() {
        return note;
    }
}
