package org.certtrack.benchmarks;

import java.util.concurrent.atomic.AtomicInteger;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/** Counts the SQL statements Hibernate prepares, so each read benchmark can report and check its count. */
final class StatementCounter implements StatementInspector {

    private final AtomicInteger count = new AtomicInteger();

    @Override
    public String inspect(String sql) {
        count.incrementAndGet();
        return sql;
    }

    int reset() {
        return count.getAndSet(0);
    }
}
