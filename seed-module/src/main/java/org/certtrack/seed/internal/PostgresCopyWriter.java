package org.certtrack.seed.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
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
