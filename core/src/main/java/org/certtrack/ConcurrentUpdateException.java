package org.certtrack;

/**
 * Thrown by {@link CertTrack#inTransaction} when the unit of work lost a race with another one: a row it
 * read was changed or deleted by someone else before it wrote (optimistic locking, through each row's
 * {@code version}), or the database aborted it to resolve a deadlock or serialization conflict. Nothing
 * the unit of work wrote was committed. Reading the rows again and redoing the work is safe;
 * {@link CertTrack#inTransaction(RetryPolicy, java.util.function.Function)} does that.
 */
public class ConcurrentUpdateException extends CertTrackException {

    private final String entityName;
    private final Object id;

    /**
     * @param entityName the entity's simple name (such as {@code Engineer}), or null when the database
     *                   did not say which row was in conflict
     * @param id         the id of the row in conflict, or null when unknown
     * @param cause      what the persistence provider or driver threw
     */
    public ConcurrentUpdateException(String entityName, Object id, Throwable cause) {
        super(message(entityName, id), cause);
        this.entityName = entityName;
        this.id = id;
    }

    /** The simple name of the entity whose row was in conflict ({@code Engineer}), or null when unknown. */
    public String entityName() {
        return entityName;
    }

    /** The id of the row that was in conflict, or null when unknown. */
    public Object id() {
        return id;
    }

    private static String message(String entityName, Object id) {
        if (entityName == null) {
            return "The database aborted this unit of work because it conflicted with a concurrent one"
                    + " (deadlock or serialization failure); nothing was written. Run it again.";
        }
        if (id == null) {
            return "The " + entityName + " this unit of work used was changed or deleted by another unit of work after"
                    + " this one read it; nothing was written. Read it again and redo the change.";
        }
        return entityName + " #" + id + " was changed or deleted by another unit of work after this one read it;"
                + " nothing was written. Read it again and redo the change.";
    }
}
