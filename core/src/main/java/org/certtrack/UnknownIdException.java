package org.certtrack;

/**
 * Thrown when an id names no row, by the repositories' {@code getById} and {@code deleteById}, for example
 * {@code Engineer.id must name an existing engineer, but was 42}. The unit of work it is thrown in writes
 * nothing unless the caller catches it.
 */
public class UnknownIdException extends InvalidValueException {

    private final long id;

    /**
     * @param entityName the entity's simple name, such as {@code Engineer}
     * @param id         the id that names no row
     */
    public UnknownIdException(String entityName, long id) {
        super(entityName + ".id", "must name an existing " + entityName.toLowerCase(java.util.Locale.ROOT), id);
        this.id = id;
    }

    /** The id that names no row. */
    public long id() {
        return id;
    }
}
