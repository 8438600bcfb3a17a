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
 *
 * <p>Instructors with their engineers, one method per need:
 * <ul>
 *   <li>to change them, a page of entities: {@link #findAllWithEngineers(PageRequest)};</li>
 *   <li>to show them, a page of read-only rows: {@link #findRowsWithEngineers(PageRequest)};</li>
 *   <li>to report on all of them, read-only rows streamed: {@link #forEachRowWithEngineers(Consumer)};</li>
 *   <li>one instructor's engineers, a page of entities: {@link EngineerRepository#findByInstructorId}.</li>
 * </ul>
 *
 * <p>Pages come two ways. A {@link PageRequest} names a page by number: easy to jump to, but the database
 * reads and skips every row before the page, so page 4,000 costs far more than page 4. The {@code ...After}
 * methods (keyset paging) take the last row seen instead and start right after it in the {@code (name, id)}
 * index, so every page costs what the first one does; for walking through many pages.
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
     * The {@code size} instructors that come after {@code last} in name and id order, or the first
     * {@code size} when {@code last} is null; empty past the last page. Keyset paging: each page costs what
     * the first does however deep it is (see {@link InstructorRepository}). Only {@code last}'s name and id
     * are read, as you hold them: it may have been deleted since.
     *
     * @throws InvalidValueException naming {@code size} unless it is between 1 and {@value PageRequest#MAX_SIZE},
     *                               and {@code Instructor.id} when {@code last} was never saved
     */
    List<Instructor> findAllAfter(Instructor last, int size);

    /**
     * One page of instructors ordered by name and id, as entities with their certificates and engineers
     * loaded ({@link Instructor#getEngineers()} runs no more SQL), in at most 2 SQL statements however many
     * rows there are; empty past the last page. For changing them; to only show them,
     * {@link #findRowsWithEngineers} is cheaper.
     */
    List<Instructor> findAllWithEngineers(PageRequest page);

    /**
     * The {@code size} instructors that come after {@code last} in name and id order (the first {@code size}
     * when {@code last} is null), as entities with their certificates and engineers loaded, in at most 2 SQL
     * statements; empty past the last page. Keyset paging: each page costs what the first does however deep
     * it is (see {@link InstructorRepository}). Only {@code last}'s name and id are read, as you hold them: it
     * may have been deleted since.
     *
     * @throws InvalidValueException naming {@code size} unless it is between 1 and {@value PageRequest#MAX_SIZE},
     *                               and {@code Instructor.id} when {@code last} was never saved
     */
    List<Instructor> findAllWithEngineersAfter(Instructor last, int size);

    /**
     * Hands every instructor with their engineers to {@code action} as read-only rows, ordered by name and
     * id, reading one SQL statement as a stream: memory stays flat however many rows there are, and no
     * entity is loaded. For reports and exports over all instructors.
     */
    void forEachRowWithEngineers(Consumer<InstructorWithEngineers> action);

    /**
     * One page of instructors ordered by name and id, each with their engineers, as read-only rows, in one
     * SQL statement; empty past the last page. For showing instructors (the JSON API's
     * {@code GET /instructors}); several times cheaper than {@link #findAllWithEngineers}. A page near the
     * start costs the same however large the tables grow, a deep one more: to walk through many pages, use
     * {@link #findRowsWithEngineersAfter}.
     */
    List<InstructorWithEngineers> findRowsWithEngineers(PageRequest page);

    /**
     * The {@code size} instructors that come after {@code last} in name and id order (the first {@code size}
     * when {@code last} is null), each with their engineers, as read-only rows in one SQL statement; empty past
     * the last page. Keyset paging: each page costs what the first does however deep it is (see
     * {@link InstructorRepository}). Only {@code last}'s name and id are read: that instructor may have been
     * deleted since.
     *
     * @throws InvalidValueException naming {@code size} unless it is between 1 and {@value PageRequest#MAX_SIZE}
     */
    List<InstructorWithEngineers> findRowsWithEngineersAfter(InstructorWithEngineers last, int size);

    /**
     * One page of the instructors whose name contains {@code fragment}, ignoring the case of A-Z (other
     * letters match only themselves, the same on H2 and PostgreSQL), ordered by name and id. The fragment
     * is literal text: {@code %} and {@code _} match only themselves. Empty when none matches.
     */
    List<Instructor> findByNameContaining(String fragment, PageRequest page);

    /** How many instructors there are. */
    long count();

    /** Saves a new instructor. */
    Instructor add(Instructor instructor);

    /**
     * Deletes the instructor; their certificates stay, unlinked.
     *
     * @throws InvalidValueException naming {@code Instructor.id} when it was never saved, and {@link UnknownIdException}
     *                               when its row is gone, as {@link #deleteById} does; nothing is deleted then
     */
    void delete(Instructor instructor);

    /**
     * Deletes the instructor with this id; their certificates stay, unlinked.
     *
     * @throws UnknownIdException naming {@code Instructor.id} when there is none; nothing is deleted then
     */
    void deleteById(long id);
}
