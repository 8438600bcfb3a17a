package org.certtrack.internal;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.certtrack.PageRequest;
import org.certtrack.UnknownIdException;

/** What the three JPA repositories share: lookup by id, counting, paging and literal name search. */
abstract class JpaRepository<T> {

    final EntityManager entityManager;
    private final Class<T> entityType;

    JpaRepository(EntityManager entityManager, Class<T> entityType) {
        this.entityManager = requireNonNull(entityManager, "entityManager");
        this.entityType = entityType;
    }

    public Optional<T> findById(long id) {
        return Optional.ofNullable(entityManager.find(entityType, id));
    }

    public T getById(long id) {
        return findById(id).orElseThrow(() -> new UnknownIdException(entityType.getSimpleName(), id));
    }

    public void deleteById(long id) {
        delete(getById(id));
    }

    public abstract void delete(T entity);

    public long count() {
        return entityManager.createQuery("select count(*) from " + entityType.getSimpleName(), Long.class)
                .getSingleResult();
    }

    public T add(T entity) {
        entityManager.persist(requireNonNull(entity, entityType.getSimpleName()));
        return entity;
    }

    /** The query's rows on the requested page. */
    static <R> List<R> page(TypedQuery<R> query, PageRequest page) {
        requireNonNull(page, "page");
        return query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
    }

    /**
     * The entities whose {@code name} contains {@code fragment}, ignoring case, ordered by name and id, with
     * {@code %}, {@code _} and {@code \\} in the fragment matching only themselves.
     */
    public List<T> findByNameContaining(String fragment) {
        return entityManager.createQuery("from " + entityType.getSimpleName() + " x"
                        + " where lower(x.name) like :pattern escape '\\' order by x.name, x.id", entityType)
                .setParameter("pattern", containsPattern("name", fragment))
                .getResultList();
    }

    /**
     * A {@code like} pattern, to be used with {@code escape '\'}, that finds {@code fragment} anywhere in
     * a lower-cased column, with {@code %}, {@code _} and {@code \} in the fragment matching themselves.
     */
    static String containsPattern(String field, String fragment) {
        Require.searchText(field, fragment);
        String literal = fragment.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + literal + "%";
    }

    /**
     * A page of entities with collections fetched, in at most 2 statements. A collection fetch cannot be
     * paged in SQL, so: {@code idQuery} selects the page's ids in a stable order, then {@code fetchQuery}
     * loads those entities (parameter {@code :ids}) with what it joins.
     */
    List<T> pageWithFetches(String idQuery, String fetchQuery, PageRequest page) {
        List<Long> ids = page(entityManager.createQuery(idQuery, Long.class), page);
        if (ids.isEmpty()) {
            return List.of();
        }
        return entityManager.createQuery(fetchQuery, entityType).setParameter("ids", ids).getResultList();
    }
}
