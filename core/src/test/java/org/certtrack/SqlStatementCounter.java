package org.certtrack;

import java.util.concurrent.atomic.AtomicInteger;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the SQL statements Hibernate prepares, so tests can assert how many a read issues.
 *
 * <p><b>Not for use outside core's tests.</b> A copy of certtrack-seed's public
 * {@code org.certtrack.seed.junit.StatementCounter} (core cannot depend on certtrack-seed, which depends on
 * core). Use certtrack-seed's.
 */
final class SqlStatementCounter implements StatementInspector {

    private final AtomicInteger count = new AtomicInteger();

    @Override
    public String inspect(String sql) {
        count.incrementAndGet();
        return sql;
    }

    void reset() {
        count.set(0);
    }

    int count() {
        return count.get();
    }
}
