package org.certtrack;

import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;

import org.certtrack.internal.Failures;
import org.certtrack.internal.JpaCertificateRepository;

/**
 * Reads and writes {@link Certificate}s. Obtain one from a {@link UnitOfWork}, or over any
 * {@link EntityManager} with {@link #using(EntityManager)}; the caller's transaction applies.
 */
public interface CertificateRepository {

    /**
     * A repository over the given entity manager, in the caller's transaction. What fails reaches you as
     * certtrack's exceptions ({@link ConcurrentUpdateException}, {@link DatabaseUnavailableException}, ...),
     * whoever runs that transaction.
     */
    static CertificateRepository using(EntityManager entityManager) {
        return Failures.translating(CertificateRepository.class, new JpaCertificateRepository(entityManager), Failures::translate);
    }

    /** The certificate with this id, or empty when there is none. */
    Optional<Certificate> findById(long id);

    /**
     * The certificate with this id.
     *
     * @throws UnknownIdException naming {@code Certificate.id} when there is none
     */
    Certificate getById(long id);

    /** One page of certificates ordered by id; empty past the last page. */
    List<Certificate> findAll(PageRequest page);

    /**
     * The {@code size} certificates that come after {@code last} in id order, or the first {@code size} when
     * {@code last} is null; empty past the last page. Keyset paging: where {@link #findAll} reads and skips
     * every row before its page, this starts right after {@code last}'s id, so each page costs what the first
     * does however deep it is. Only {@code last}'s id is read: it may have been deleted since.
     *
     * @throws InvalidValueException naming {@code size} unless it is between 1 and {@value PageRequest#MAX_SIZE},
     *                               and {@code Certificate.id} when {@code last} was never saved
     */
    List<Certificate> findAllAfter(Certificate last, int size);

    /**
     * One page of the certificates expiring in {@code year}, in id order, with their engineers and
     * instructors loaded in the same SQL statement; empty when none does.
     */
    List<Certificate> findExpiringIn(int year, PageRequest page);

    /**
     * The {@code size} certificates expiring in {@code year} that come after {@code last} in id order (the
     * first {@code size} when {@code last} is null), with their engineers and instructors loaded in the same SQL
     * statement; empty past the last page. Keyset paging: where {@link #findExpiringIn} reads and skips every
     * row before its page, this starts right after {@code last} in the {@code (expiration_year, id)} index, so
     * each page costs what the first does however deep it is. Only {@code last}'s id is read: it may have been
     * deleted since.
     *
     * @throws InvalidValueException naming {@code size} unless it is between 1 and {@value PageRequest#MAX_SIZE},
     *                               and {@code Certificate.id} when {@code last} was never saved
     */
    List<Certificate> findExpiringInAfter(int year, Certificate last, int size);

    /**
     * One page of the certificates expiring in {@code year} or before, soonest first (by expiration year, then
     * id), with their engineers and instructors loaded in the same SQL statement; empty when none does. (Until
     * 0.2.0, unpaged.)
     */
    List<Certificate> findExpiringInOrBefore(int year, PageRequest page);

    /**
     * The {@code size} certificates expiring in {@code year} or before that come after {@code last}, soonest
     * first (by expiration year, then id), or the first {@code size} when {@code last} is null, with their
     * engineers and instructors loaded in the same SQL statement; empty past the last page. Keyset paging: each
     * page starts right after {@code last} in the {@code (expiration_year, id)} index, so it costs what the
     * first does however deep it is. Only {@code last}'s expiration year and id are read, as you hold them: it
     * may have been deleted since.
     *
     * @throws InvalidValueException naming {@code size} unless it is between 1 and {@value PageRequest#MAX_SIZE},
     *                               and {@code Certificate.id} when {@code last} was never saved
     */
    List<Certificate> findExpiringInOrBeforeAfter(int year, Certificate last, int size);

    /** How many certificates expire in {@code year}. */
    long countExpiringIn(int year);

    /**
     * One page of the certificates the engineer with this id holds, in id order; empty past the last page,
     * or when they hold none or do not exist.
     */
    List<Certificate> findByEngineerId(long engineerId, PageRequest page);

    /** How many certificates there are. */
    long count();

    /**
     * Saves a new certificate. It must already belong to an engineer ({@link Engineer#addCertificate});
     * a new instructor it links to is saved with it.
     */
    Certificate add(Certificate certificate);

    /**
     * Deletes the certificate and takes it from its engineer and instructor.
     *
     * @throws InvalidValueException naming {@code Certificate.id} when it was never saved, and {@link UnknownIdException}
     *                               when its row is gone, as {@link #deleteById} does; nothing is deleted then
     */
    void delete(Certificate certificate);

    /**
     * Deletes the certificate with this id and takes it from its engineer and instructor.
     *
     * @throws UnknownIdException naming {@code Certificate.id} when there is none; nothing is deleted then
     */
    void deleteById(long id);
}
