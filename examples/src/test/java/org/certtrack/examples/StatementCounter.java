package org.certtrack.examples;

import java.util.concurrent.atomic.AtomicInteger;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/** Counts the SQL statements Hibernate prepares, to assert how many an HTTP request costs. */
final class StatementCounter implements StatementInspector {

    private final AtomicInteger count = new AtomicInteger();

    @Override
    public String inspect(String sql) {
        count.incrementAndGet();
        return sql;
    }

    /** The statements prepared while {@code action} ran. */
    int during(Runnable action) {
        int before = count.get();
        action.run();
        return count.get() - before;
    }
}
