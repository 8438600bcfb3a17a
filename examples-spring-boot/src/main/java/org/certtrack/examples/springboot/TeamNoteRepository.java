package org.certtrack.examples.springboot;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** The application's own Spring Data repository, for its own entity. */
interface TeamNoteRepository extends JpaRepository<TeamNote, Long> {

    /** The notes on one engineer, oldest first. */
    List<TeamNote> findByEngineerIdOrderById(long engineerId);
}
