package org.certtrack;

import java.time.Instant;
import java.util.List;

/**
 * A read-only summary of an instructor and the engineers holding a certificate they issued, each once,
 * ordered by name and id. Read by {@link InstructorRepository#findRowsWithEngineers} and
 * {@link InstructorRepository#forEachRowWithEngineers} straight from one SQL
 * join, without managed entities, for listings and reports over many rows.
 *
 * @param id        the instructor's id
 * @param name      the instructor's name
 * @param createdAt when the instructor's row was inserted
 * @param updatedAt when the instructor's row was last written
 * @param engineers the instructor's engineers; empty when they issued no certificate
 */
public record InstructorWithEngineers(long id, String name, Instant createdAt, Instant updatedAt,
                                      List<EngineerSummary> engineers) {

    public InstructorWithEngineers {
        engineers = List.copyOf(engineers);
    }

    /**
     * An engineer's scalar fields.
     *
     * @param id        the engineer's id
     * @param name      the engineer's name
     * @param specialty the engineer's specialty
     * @param age       the engineer's age
     */
    public record EngineerSummary(long id, String name, String specialty, int age) {
    }
}
