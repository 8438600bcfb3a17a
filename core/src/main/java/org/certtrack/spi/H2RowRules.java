package org.certtrack.spi;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.h2.api.Trigger;

/**
 * The H2 trigger that migration V4 installs on certtrack's tables (PostgreSQL's V4 does the same in
 * PL/pgSQL): before a row is inserted or updated, a NULL {@code version} becomes 0, and an update that
 * does not advance {@code version} advances it by one; where the table has them, {@code created_at}
 * never changes ({@code NULL} on insert becomes the clock) and {@code updated_at} is the clock on every
 * update, never earlier than the row's previous {@code updated_at} or its {@code created_at}.
 *
 * <p>H2 instantiates it by name, and stores that name in every database file
 * ({@code CREATE TRIGGER ... CALL 'org.certtrack.spi.H2RowRules'}): this class is never renamed, moved or
 * removed. Databases made before 0.2.0 name {@code org.certtrack.internal.H2RowRules}, which stays as a
 * deprecated delegate to this one. Applications do not call it.
 */
public final class H2RowRules implements Trigger {

    private int version = -1;
    private int createdAt = -1;
    private int updatedAt = -1;

    /** For H2, which creates one per trigger. */
    public H2RowRules() {
    }

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        try (ResultSet columns = connection.getMetaData().getColumns(null, schema, table, null)) {
            while (columns.next()) {
                int index = columns.getInt("ORDINAL_POSITION") - 1;
                switch (columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT)) {
                    case "version" -> version = index;
                    case "created_at" -> createdAt = index;
                    case "updated_at" -> updatedAt = index;
                    default -> {
                    }
                }
            }
        }
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) {
        if (newRow == null) {
            return;
        }
        if (version >= 0) {
            newRow[version] = nextVersion(oldRow == null ? null : (Number) oldRow[version], (Number) newRow[version]);
        }
        if (createdAt >= 0 && updatedAt >= 0) {
            OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            if (oldRow == null) {
                OffsetDateTime created = newRow[createdAt] == null ? now : (OffsetDateTime) newRow[createdAt];
                newRow[createdAt] = created;
                newRow[updatedAt] = latest(created, (OffsetDateTime) newRow[updatedAt]);
            } else {
                OffsetDateTime created = (OffsetDateTime) oldRow[createdAt];
                newRow[createdAt] = created;
                newRow[updatedAt] = latest(latest(now, (OffsetDateTime) oldRow[updatedAt]), created);
            }
        }
    }

    private static Long nextVersion(Number old, Number proposed) {
        if (old == null) {
            return proposed == null ? 0L : proposed.longValue();
        }
        return proposed == null || proposed.longValue() <= old.longValue() ? old.longValue() + 1 : proposed.longValue();
    }

    private static OffsetDateTime latest(OffsetDateTime a, OffsetDateTime b) {
        if (b == null) {
            return a;
        }
        return a == null || b.isAfter(a) ? b : a;
    }
}
