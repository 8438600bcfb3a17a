package org.certtrack;

import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.certtrack.internal.Failures;
import org.certtrack.internal.JpaInstructorRepository;

/**
 * Reads and writes {@link Instructor}s. Obtain one from a {@link UnitOfWork}, or over any
 * {@link EntityManager} with {@link #using(EntityManager)}; the caller's transaction applies.
 */
public interface InstructorRepository {

    /**
     * A repository over the given entity manager, in the caller's transaction. What fails reaches you as
     * certtrack's exceptions ({@link ConcurrentUpdateException}, {@link DatabaseUnavailableException}, ...),
     * whoever runs that transaction.
     */
    static InstructorRepository using(EntityManager entityManager) {
        return Failures.translating(InstructorRepository.class, new JpaInstructorRepository(entityManager), Failures::translate);
    }

    /** The instructor with this id, or empty when there is none. */
    Optional<Instructor> findById(long id);

    /**
     * The instructor with this id.
     *
     * @throws UnknownIdException naming {@code Instructor.id} when there is none
     */
    Instructor getById(long id);

    /** One page of instructors ordered by name and id; empty past the last page. */
    List<Instructor> findAll(PageRequest page);

    /**
     * One page of instructors ordered by name and id, each with their certificates and engineers loaded
     * ({@link Instructor#getEngineers()} runs no more SQL), in at most 2 SQL statements however many rows
     * there are; empty past the last page.
     */
    List<Instructor> findAllWithEngineers(PageRequest page);

    /**
     * Hands every instructor with their engineers to {@code action}, ordered by name and id, reading one
     * SQL statement as a stream: memory stays flat however many rows there are, and no entity is managed.
     * The fastest way to list instructors with their engineers; use {@link #findAllWithEngineers} when
     * you need the entities themselves.
     */
    void forEachWithEngineers(Consumer<InstructorWithEngineers> action);

    /**
     * One page of instructors ordered by name and id, each with their engineers, as read-only summaries,
     * in 2 SQL statements however many rows there are; empty past the last page. Much cheaper than
     * {@link #findAllWithEngineers} when the entities are only displayed.
     */
    List<InstructorWithEngineers> findSummaries(PageRequest page);

    /**
     * The engineers holding a certificate the instructor with this id issued, each once, ordered by name
     * and id, in one SQL statement; empty when there are none or the instructor does not exist.
     */
    List<Engineer> findEngineersOf(long instructorId);

    /**
     * The instructors whose name contains {@code fragment}, ignoring the case of A-Z (other letters match
     * only themselves, the same on H2 and PostgreSQL), ordered by name and id. The
     * fragment is literal text: {@code %} and {@code _} match only themselves. Empty when none matches.
     */
    List<Instructor> findByNameContaining(String fragment);

    /** How many instructors there are. */
    long count();

    /** Saves a new instructor. */
    Instructor add(Instructor instructor);

    /** Deletes the instructor; their certificates stay, unlinked. */
    void delete(Instructor instructor);

    /**
     * Deletes the instructor with this id; their certificates stay, unlinked.
     *
     * @throws UnknownIdException naming {@code Instructor.id} when there is none; nothing is deleted then
     */
    void deleteById(long id);
}
