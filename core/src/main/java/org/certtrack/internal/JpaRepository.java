package org.certtrack.internal;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.certtrack.Certificate;
import org.certtrack.Instructor;
import org.certtrack.InvalidValueException;
import org.certtrack.PageRequest;
import org.certtrack.UnknownIdException;
import org.hibernate.Session;

/**
 * What the three JPA repositories share: lookup by id, counting, paging, literal name search, and the
 * checks of adding and deleting. Their queries are the entities' named queries ({@code Engineer.count},
 * ...), which Hibernate Processor checks against the mappings while compiling.
 */
abstract class JpaRepository<T> {

    final EntityManager entityManager;
    private final Class<T> entityType;
    private final String entityName;

    JpaRepository(EntityManager entityManager, Class<T> entityType) {
        this.entityManager = requireNonNull(entityManager, "entityManager");
        this.entityType = entityType;
        this.entityName = entityType.getSimpleName();
    }

    public Optional<T> findById(long id) {
        return Optional.ofNullable(entityManager.find(entityType, id));
    }

    public T getById(long id) {
        return findById(id).orElseThrow(() -> new UnknownIdException(entityName, id));
    }

    public long count() {
        return entityManager.createNamedQuery(entityName + ".count", Long.class).getSingleResult();
    }

    public T add(T entity) {
        requireNonNull(entity, entityName);
        requireWritable("add");
        entityManager.persist(entity);
        return entity;
    }

    public void delete(T entity) {
        requireNonNull(entity, entityName);
        requireWritable("delete");
        T managed = entityManager.contains(entity) ? entity : existing(entity);
        unlink(managed);
        entityManager.remove(managed);
    }

    /**
     * The managed copy of a detached {@code entity}, its version checked at flush: an entity never saved,
     * or whose row is gone, fails as {@link #deleteById} does for an unknown id (merging it would insert it).
     */
    private T existing(T entity) {
        Object id = entityManager.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(entity);
        if (id == null) {
            throw new InvalidValueException(entityName + ".id", "must name an existing " + entityName.toLowerCase(Locale.ROOT)
                    + ": this one was never saved", entity);
        }
        long known = (Long) id;
        if (entityManager.find(entityType, known) == null) {
            throw new UnknownIdException(entityName, known);
        }
        return entityManager.merge(entity);
    }

    public void deleteById(long id) {
        delete(getById(id));
    }

    /**
     * Saves the certificate's instructor when it is new (has no id yet): certificates do not cascade to
     * their parents, so adding an engineer or a certificate saves a new instructor here, once.
     */
    void addNewInstructor(Certificate certificate) {
        Instructor instructor = certificate.getInstructor();
        if (instructor != null && instructor.getId() == null) {
            entityManager.persist(instructor);
        }
    }

    /** Takes {@code managed}, about to be deleted, from the collections of the entities loaded beside it. */
    abstract void unlink(T managed);

    /** Adding or deleting in a read-only unit of work would silently do nothing: refuse it instead. */
    private void requireWritable(String method) {
        if (entityManager.unwrap(Session.class).isDefaultReadOnly()) {
            throw new IllegalStateException(entityName + " repository's " + method + "() called in a read-only unit of"
                    + " work, which saves nothing: use CertTrack.inTransaction to write");
        }
    }

    /** The named query {@code entityName.name} returning {@code resultType}. */
    <R> TypedQuery<R> named(String name, Class<R> resultType) {
        return entityManager.createNamedQuery(entityName + "." + name, resultType);
    }

    /** The query's rows on the requested page. */
    static <R> List<R> page(TypedQuery<R> query, PageRequest page) {
        requireNonNull(page, "page");
        return query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
    }

    /**
     * The first {@code size} rows of the query: a keyset page, whose query starts after the last row seen
     * instead of skipping the rows before it.
     *
     * @throws InvalidValueException naming {@code size} unless it is between 1 and {@value PageRequest#MAX_SIZE},
     *                               the bound a {@link PageRequest} has
     */
    static <R> List<R> firstRows(TypedQuery<R> query, int size) {
        return query.setMaxResults(pageSize(size)).getResultList();
    }

    /** {@code size} if it is a page size a {@link PageRequest} could have. */
    static int pageSize(int size) {
        return Require.between("size", size, 1, PageRequest.MAX_SIZE);
    }

    /**
     * The id of {@code last}, the row a keyset page starts after; an entity never saved has no place in the
     * order, so it fails as {@link #delete} does for one.
     */
    long cursorId(T last) {
        Object id = entityManager.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(last);
        if (id == null) {
            throw new InvalidValueException(entityName + ".id", "must name an existing " + entityName.toLowerCase(Locale.ROOT)
                    + " to page after: this one was never saved", last);
        }
        return (Long) id;
    }

    /**
     * One page of the entities whose {@code name} contains {@code fragment}, ignoring the case of the ASCII
     * letters A-Z only, ordered by name and id, with {@code %}, {@code _} and {@code \\} in the fragment
     * matching only themselves. Every other character matches only itself: {@code lower()} folds non-ASCII
     * letters by the database's locale (PostgreSQL's {@code lower('İ')} is {@code i}, Java's and H2's is
     * {@code i} and a combining dot; PostgreSQL lowers a final sigma to {@code σ}, Java to {@code ς}), so no
     * folding beyond A-Z gives the same rows on both databases.
     */
    public List<T> findByNameContaining(String fragment, PageRequest page) {
        return page(named("byNameContaining", entityType).setParameter("pattern", containsPattern("name", fragment)), page);
    }

    /**
     * A {@code like} pattern, to be used with {@code escape '\'}, that finds {@code fragment} anywhere in
     * a column whose ASCII letters were lower-cased, with {@code %}, {@code _} and {@code \} in the fragment matching themselves.
     */
    static String containsPattern(String field, String fragment) {
        Require.searchText(field, fragment);
        StringBuilder folded = new StringBuilder(fragment.length());
        for (int i = 0; i < fragment.length(); i++) {
            char c = fragment.charAt(i);
            folded.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        String literal = folded.toString()
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + literal + "%";
    }

    /**
     * A page of entities with collections fetched, in 2 statements. A collection fetch cannot be paged in
     * SQL, so the named query {@code idsInNameOrder} selects the page's ids in a stable order, then
     * {@code fetchQuery} loads those entities (parameter {@code :ids}) with what it joins.
     */
    List<T> pageWithFetches(String fetchQuery, PageRequest page) {
        return withFetches(fetchQuery, page(named("idsInNameOrder", Long.class), page));
    }

    /**
     * The keyset form of {@link #pageWithFetches}: the ids of the {@code size} entities after {@code last} in
     * name and id order (named query {@code idsInNameOrderAfter}, parameters {@code :name} and {@code :id}),
     * or the first {@code size} when {@code last} is null, then those entities with what {@code fetchQuery} joins.
     */
    List<T> pageWithFetchesAfter(String fetchQuery, T last, String lastName, int size) {
        TypedQuery<Long> ids = last == null
                ? named("idsInNameOrder", Long.class)
                : named("idsInNameOrderAfter", Long.class).setParameter("name", lastName).setParameter("id", cursorId(last));
        return withFetches(fetchQuery, firstRows(ids, size));
    }

    private List<T> withFetches(String fetchQuery, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return named(fetchQuery, entityType).setParameter("ids", ids).getResultList();
    }
}
