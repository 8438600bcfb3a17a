package org.certtrack.seed.junit;

import java.util.concurrent.atomic.AtomicInteger;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the SQL statements certtrack prepares, so that a test can assert how many a read costs (and that
 * it does not grow with the data: no N+1).
 *
 * <pre>{@code
 * StatementCounter statements = new StatementCounter();
 * CertTrack certTrack = CertTrack.builder().url(url)
 *         .property(StatementCounter.PROPERTY, statements)
 *         .build();
 * int used = statements.during(() -> certTrack.useTransaction(work ->
 *         work.instructors().findAllWithEngineers(PageRequest.first())));
 * assertThat(used).isLessThanOrEqualTo(2);
 * }</pre>
 */
public final class StatementCounter implements StatementInspector {

    /** The Hibernate setting that installs a counter: pass it to {@code CertTrackBuilder.property}. */
    public static final String PROPERTY = "hibernate.session_factory.statement_inspector";

    private final AtomicInteger count = new AtomicInteger();

    @Override
    public String inspect(String sql) {
        count.incrementAndGet();
        return sql;
    }

    /** The statements counted so far. */
    public int count() {
        return count.get();
    }

    /** Starts counting from zero again, and returns the count until now. */
    public int reset() {
        return count.getAndSet(0);
    }

    /** The statements prepared while {@code action} ran (on any thread). */
    public int during(Runnable action) {
        int before = count.get();
        action.run();
        return count.get() - before;
    }
}
