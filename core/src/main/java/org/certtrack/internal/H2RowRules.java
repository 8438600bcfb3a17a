package org.certtrack.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * The name under which migration V4 installed certtrack's H2 trigger until 0.2.0, and which every H2 database
 * file made by then stores: H2 instantiates the class by this name when it opens such a file, so this class
 * stays, delegating to {@link org.certtrack.spi.H2RowRules}, for as long as such files can exist.
 *
 * @deprecated the trigger's stable name is {@link org.certtrack.spi.H2RowRules}; this one is kept only for
 *             the database files that name it.
 */
@Deprecated(since = "0.2.0")
public final class H2RowRules implements Trigger {

    private final Trigger rules = new org.certtrack.spi.H2RowRules();

    /** For H2, which creates one per trigger. */
    public H2RowRules() {
    }

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        rules.init(connection, schema, trigger, table, before, type);
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        rules.fire(connection, oldRow, newRow);
    }

    @Override
    public void close() throws SQLException {
        rules.close();
    }

    @Override
    public void remove() throws SQLException {
        rules.remove();
    }
}
