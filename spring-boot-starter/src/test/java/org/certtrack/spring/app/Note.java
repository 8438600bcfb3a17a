package org.certtrack.spring.app;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The application's own entity: a note about one of certtrack's engineers. */
@Entity
@Table(name = "notes")
public class Note {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "engineer_id", nullable = false)
    private long engineerId;

    @Column(nullable = false)
    private String text;

    // The application's own optimistic locking: a lost race on a note is Spring's to report.
    @Version
    private long version;

    protected Note() {
    }

    public Note(long engineerId, String text) {
        this.engineerId = engineerId;
        this.text = text;
    }

    public long getEngineerId() {
        return engineerId;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
