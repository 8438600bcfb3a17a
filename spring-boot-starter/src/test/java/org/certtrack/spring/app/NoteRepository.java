package org.certtrack.spring.app;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** The application's own Spring Data repository. */
public interface NoteRepository extends JpaRepository<Note, Long> {

    /** The notes about one engineer. */
    List<Note> findByEngineerId(long engineerId);
}
