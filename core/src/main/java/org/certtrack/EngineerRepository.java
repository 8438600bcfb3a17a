package org.certtrack;

import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;

import org.certtrack.internal.Failures;
import org.certtrack.internal.JpaEngineerRepository;

/**
 * Reads and writes {@link Engineer}s. Obtain one from a {@link UnitOfWork}, or over any
 * {@link EntityManager} (plain Java, Spring, a Jakarta EE container) with {@link #using(EntityManager)};
 * the caller's transaction applies.
 *
 * <p>Pages come two ways. A {@link PageRequest} names a page by number: easy to jump to, but the database
 * reads and skips every row before the page, so page 4,000 costs far more than page 4. The {@code ...After}
 * methods (keyset paging) take the last engineer seen instead and start right after it in an index on
 * {@code (name, id)}, so every page costs what the first one does; for walking through many pages.
 */
public interface EngineerRepository {

    /**
     * A repository over the given entity manager, in the caller's transaction. What fails reaches you as
     * certtrack's exceptions ({@link ConcurrentUpdateException}, {@link DatabaseUnavailableException}, ...),
     * whoever runs that transaction.
     */
    static EngineerRepository using(EntityManager entityManager) {
        return Failures.translating(EngineerRepository.class, new JpaEngineerRepository(entityManager), Failures::translate);
    }

    /** The engineer with this id, or empty when there is none. */
    Optional<Engineer> findById(long id);

    /**
     * The engineer with this id.
     *
     * @throws UnknownIdException naming {@code Engineer.id} when there is none
     */
    Engineer getById(long id);

    /** The engineer with this id with their certificates loaded, in one SQL statement; empty when there is none. */
    Optional<Engineer> findByIdWithCertificates(long id);

    /** One page of engineers ordered by name and id; empty past the last page. */
    List<Engineer> findAll(PageRequest page);

    /**
     * The {@code size} engineers that come after {@code last} in name and id order, or the first {@code size}
     * when {@code last} is null; empty past the last page. Keyset paging: each page costs what the first does
     * however deep it is (see {@link EngineerRepository}). Only {@code last}'s name and id are read, as you
     * hold them: it may have been deleted since.
     *
     * @throws InvalidValueException naming {@code size} unless it is between 1 and {@value PageRequest#MAX_SIZE},
     *                               and {@code Engineer.id} when {@code last} was never saved
     */
    List<Engineer> findAllAfter(Engineer last, int size);

    /**
     * One page of engineers ordered by name and id, each with their certificates and the certificates'
     * instructors loaded, in at most 2 SQL statements however many rows there are; empty past the last page.
     */
    List<Engineer> findAllWithCertificates(PageRequest page);

    /**
     * The {@code size} engineers that come after {@code last} in name and id order (the first {@code size}
     * when {@code last} is null), each with their certificates and the certificates' instructors loaded, in
     * at most 2 SQL statements; empty past the last page. Keyset paging: each page costs what the first does
     * however deep it is (see {@link EngineerRepository}). Only {@code last}'s name and id are read, as you
     * hold them: it may have been deleted since.
     *
     * @throws InvalidValueException naming {@code size} unless it is between 1 and {@value PageRequest#MAX_SIZE},
     *                               and {@code Engineer.id} when {@code last} was never saved
     */
    List<Engineer> findAllWithCertificatesAfter(Engineer last, int size);

    /** One page of the engineers with exactly this specialty, ordered by name and id; empty when none has it. */
    List<Engineer> findBySpecialty(String specialty, PageRequest page);

    /**
     * The {@code size} engineers with exactly this specialty that come after {@code last} in name and id
     * order, or the first {@code size} when {@code last} is null; empty past the last page. Keyset paging:
     * each page costs what the first does however deep it is (see {@link EngineerRepository}). Only
     * {@code last}'s name and id are read, as you hold them: it may have been deleted since, or changed
     * specialty.
     *
     * @throws InvalidValueException naming {@code size} unless it is between 1 and {@value PageRequest#MAX_SIZE},
     *                               and {@code Engineer.id} when {@code last} was never saved
     */
    List<Engineer> findBySpecialtyAfter(String specialty, Engineer last, int size);

    /**
     * One page of the engineers holding a certificate the instructor with this id issued, each once,
     * ordered by name and id, in one SQL statement; empty when there are none or the instructor does not exist.
     */
    List<Engineer> findByInstructorId(long instructorId, PageRequest page);

    /**
     * One page of the engineers whose name contains {@code fragment}, ignoring the case of A-Z (other
     * letters match only themselves, the same on H2 and PostgreSQL), ordered by name and id. The fragment
     * is literal text: {@code %} and {@code _} match only themselves. Empty when none matches.
     */
    List<Engineer> findByNameContaining(String fragment, PageRequest page);

    /** How many engineers there are. */
    long count();

    /** Saves a new engineer with their certificates and the certificates' new instructors. */
    Engineer add(Engineer engineer);

    /**
     * Deletes the engineer and their certificates.
     *
     * @throws InvalidValueException naming {@code Engineer.id} when it was never saved, and {@link UnknownIdException}
     *                               when its row is gone, as {@link #deleteById} does; nothing is deleted then
     */
    void delete(Engineer engineer);

    /**
     * Deletes the engineer with this id and their certificates.
     *
     * @throws UnknownIdException naming {@code Engineer.id} when there is none; nothing is deleted then
     */
    void deleteById(long id);
}
