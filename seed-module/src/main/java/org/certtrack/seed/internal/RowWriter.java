package org.certtrack.seed.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.LongConsumer;

/** Writes a {@link RowSource} into its table through a connection, in the caller's transaction. */
public interface RowWriter {

    /**
     * Writes every row of {@code rows}, telling {@code progress} how many rows are written so far after each
     * batch of {@code batchSize} rows and at the end. If {@code progress} throws, writing stops and the
     * exception propagates; the connection stays usable for a rollback.
     */
    void write(Connection connection, RowSource rows, int batchSize, LongConsumer progress) throws SQLException;

    /** The writer for this connection: COPY on PostgreSQL, JDBC batches elsewhere. */
    static RowWriter forConnection(Connection connection) throws SQLException {
        // By product name, so that pgjdbc's classes load only where PostgreSQL is in use.
        return "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName())
                ? new PostgresCopyWriter() : new JdbcBatchWriter();
    }
}
