package org.certtrack.internal;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.List;
import java.util.Optional;

import org.certtrack.PageRequest;
import org.certtrack.UnknownIdException;

/** What the three JPA repositories share: lookup by id, counting, paging and literal name search. */
abstract class JpaRepository<T> {

    private static final String UPPER_ASCII = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String LOWER_ASCII = "abcdefghijklmnopqrstuvwxyz";

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
     * The entities whose {@code name} contains {@code fragment}, ignoring the case of the ASCII letters A-Z
     * only, ordered by name and id, with {@code %}, {@code _} and {@code \\} in the fragment matching only
     * themselves. Every other character matches only itself: {@code lower()} folds non-ASCII letters by the
     * database's locale (PostgreSQL's {@code lower('İ')} is {@code i}, Java's and H2's is {@code i} and a
     * combining dot; PostgreSQL lowers a final sigma to {@code σ}, Java to {@code ς}), so no folding beyond
     * A-Z gives the same rows on both databases.
     */
    public List<T> findByNameContaining(String fragment) {
        return entityManager.createQuery("from " + entityType.getSimpleName() + " x"
                        + " where translate(x.name, '" + UPPER_ASCII + "', '" + LOWER_ASCII + "') like :pattern escape '\\'"
                        + " order by x.name, x.id", entityType)
                .setParameter("pattern", containsPattern("name", fragment))
                .getResultList();
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
