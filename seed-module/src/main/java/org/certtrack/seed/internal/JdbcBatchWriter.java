package org.certtrack.seed.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.LongConsumer;

/** Writes rows with a prepared {@code INSERT} in JDBC batches: the portable writer. */
public final class JdbcBatchWriter implements RowWriter {

    @Override
    public void write(Connection connection, RowSource rows, int batchSize, LongConsumer progress) throws SQLException {
        String[] columns = rows.columns();
        int[] types = rows.sqlTypes();
        String sql = "INSERT INTO " + rows.table() + " (" + String.join(", ", columns) + ") VALUES ("
                + "?, ".repeat(columns.length - 1) + "?)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            long written = 0;
            int pending = 0;
            for (long row = 0; row < rows.rows(); row++) {
                Object[] values = rows.next();
                for (int column = 0; column < columns.length; column++) {
                    if (values[column] == null) {
                        insert.setNull(column + 1, types[column]);
                    } else {
                        insert.setObject(column + 1, values[column], types[column]);
                    }
                }
                insert.addBatch();
                if (++pending == batchSize) {
                    insert.executeBatch();
                    written += pending;
                    pending = 0;
                    progress.accept(written);
                }
            }
            if (pending > 0) {
                insert.executeBatch();
                written += pending;
                progress.accept(written);
            }
        }
    }
}
