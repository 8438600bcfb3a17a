package org.certtrack.seed.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows into PostgreSQL with {@code COPY ... FROM STDIN} (text format) through pgjdbc's
 * {@link org.postgresql.copy.CopyManager}: rows are encoded into a small buffer and sent as it fills, so
 * memory stays flat however many rows there are.
 */
public final class PostgresCopyWriter implements RowWriter {

    private static final int BUFFER_CHARS = 64 * 1024;

    @Override
    public void write(Connection connection, RowSource rows, int batchSize, LongConsumer progress) throws SQLException {
        String sql = "COPY " + rows.table() + " (" + String.join(", ", rows.columns()) + ") FROM STDIN";
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            StringBuilder buffer = new StringBuilder(BUFFER_CHARS + 1024);
            long total = rows.rows();
            for (long written = 1; written <= total; written++) {
                appendRow(buffer, rows.next());
                if (buffer.length() >= BUFFER_CHARS) {
                    send(copy, buffer);
                }
                // The last report waits for endCopy(), when the server has checked every row.
                if (written % batchSize == 0 && written < total) {
                    progress.accept(written);
                }
            }
            send(copy, buffer);
            copy.endCopy();
            if (total > 0) {
                progress.accept(total);
            }
        } finally {
            if (copy.isActive()) {
                // A failure midway: end the COPY so the connection can roll the transaction back.
                copy.cancelCopy();
            }
        }
    }

    /**
     * Drops the foreign keys of {@code table}, in the caller's transaction, and returns the statements that
     * add them back exactly as they were (from {@code pg_get_constraintdef}). PostgreSQL checks a foreign
     * key row by row while copying, but all rows at once, with one join, when the key is added: several
     * times faster for a large load. The caller must run the statements before committing; a rollback
     * restores the keys by itself, since DDL is transactional in PostgreSQL.
     */
    public static List<String> dropForeignKeys(Connection connection, String table) throws SQLException {
        List<String> addBack = new ArrayList<>();
        List<String> drop = new ArrayList<>();
        try (PreparedStatement keys = connection.prepareStatement("""
                SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
                WHERE conrelid = ?::regclass AND contype = 'f' ORDER BY conname""")) {
            keys.setString(1, table);
            try (ResultSet rows = keys.executeQuery()) {
                while (rows.next()) {
                    drop.add("ALTER TABLE " + table + " DROP CONSTRAINT " + rows.getString(1));
                    addBack.add("ALTER TABLE " + table + " ADD CONSTRAINT " + rows.getString(1) + " " + rows.getString(2));
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String sql : drop) {
                statement.execute(sql);
            }
        }
        return addBack;
    }

    private static void send(CopyIn copy, StringBuilder buffer) throws SQLException {
        if (buffer.length() > 0) {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }
    }

    private static void appendRow(StringBuilder buffer, Object[] values) {
        for (int column = 0; column < values.length; column++) {
            if (column > 0) {
                buffer.append('\t');
            }
            Object value = values[column];
            if (value == null) {
                buffer.append("\\N");
            } else if (value instanceof String text) {
                appendEscaped(buffer, text);
            } else {
                buffer.append(value);
            }
        }
        buffer.append('\n');
    }

    /** COPY's text format: backslash, tab, line feed and carriage return are escaped with a backslash. */
    private static void appendEscaped(StringBuilder buffer, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
    }
}
