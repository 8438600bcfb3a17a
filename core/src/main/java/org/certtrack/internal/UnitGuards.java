package org.certtrack.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Set;

import org.certtrack.Certificate;
import org.certtrack.Engineer;
import org.certtrack.Instructor;
import org.hibernate.Interceptor;
import org.hibernate.type.Type;

/**
 * What keeps a unit of work to its word, beside the transaction itself: units do not nest on a thread, a
 * read-only unit cannot write on a database that does not refuse it (H2), and a read-write unit remembers
 * which parents its certificates point to, to name the one deleted under it.
 */
public final class UnitGuards {

    /** PostgreSQL's read_only_sql_transaction, which the H2 guard raises too, so both fail alike. */
    static final String READ_ONLY_TRANSACTION = "25006";

    private final ThreadLocal<String> running = new ThreadLocal<>();

    /**
     * Marks a unit of work, started by {@code entry} ({@code CertTrack.inTransaction}), as running on this
     * thread until {@link #exit()}.
     *
     * @throws IllegalStateException at once if a unit of this certtrack already runs on this thread: the inner
     *                               one would take a second connection (stalling a small pool) and commit
     *                               apart from the outer one
     */
    public void enter(String entry) {
        String outer = running.get();
        if (outer != null) {
            throw new IllegalStateException(entry + " called inside another unit of work (" + outer + ") on the same"
                    + " thread: certtrack does not nest units of work (the inner one would take a second connection"
                    + " and commit apart from the outer one): use the UnitOfWork the outer callback was given");
        }
        running.set(entry);
    }

    /** Ends the unit of work {@link #enter} marked on this thread. */
    public void exit() {
        running.remove();
    }

    /**
     * {@code connection}, for a read-only unit of work: on a database that ignores
     * {@link Connection#setReadOnly} (H2), its statements refuse every write with SQLState {@code 25006}, as
     * PostgreSQL does in a {@code READ ONLY} transaction; elsewhere {@code connection} itself.
     */
    public static Connection readOnly(Connection connection) throws SQLException {
        if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
            return connection;
        }
        return (Connection) Proxy.newProxyInstance(UnitGuards.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, arguments) -> {
                    Object result = invoke(connection, method, arguments);
                    Class<?> type = method.getReturnType();
                    if (type == Statement.class || type == PreparedStatement.class || type == CallableStatement.class) {
                        return refusingWrites(type, result);
                    }
                    return result;
                });
    }

    private static Object refusingWrites(Class<?> type, Object statement) {
        return Proxy.newProxyInstance(UnitGuards.class.getClassLoader(), new Class<?>[] {type}, (proxy, method, arguments) -> {
            String name = method.getName();
            if (name.startsWith("execute") && !name.equals("executeQuery")) {
                throw new SQLException("certtrack refused " + name + "() in a read-only unit of work", READ_ONLY_TRANSACTION);
            }
            return invoke(statement, method, arguments);
        });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * The engineers and instructors that the certificates a read-write unit of work saves point to, and that
     * were not new in it: one of them is the row another writer deleted when the unit's insert or update
     * breaks a certificate's foreign key. An {@link Interceptor} of the unit's session only.
     */
    public static final class Parents implements Interceptor {

        private final Set<Long> engineers = new LinkedHashSet<>();
        private final Set<Long> instructors = new LinkedHashSet<>();
        private final Set<Object> created = Collections.newSetFromMap(new IdentityHashMap<>());

        @Override
        public boolean onPersist(Object entity, Object id, Object[] state, String[] propertyNames, Type[] types) {
            if (entity instanceof Certificate certificate) {
                remember(certificate);
            } else {
                created.add(entity);
            }
            return false;
        }

        @Override
        public boolean onFlushDirty(Object entity, Object id, Object[] currentState, Object[] previousState,
                                    String[] propertyNames, Type[] types) {
            if (entity instanceof Certificate certificate) {
                remember(certificate);
            }
            return false;
        }

        private void remember(Certificate certificate) {
            Engineer engineer = certificate.getEngineer();
            if (engineer != null && engineer.getId() != null && !created.contains(engineer)) {
                engineers.add(engineer.getId());
            }
            Instructor instructor = certificate.getInstructor();
            if (instructor != null && instructor.getId() != null && !created.contains(instructor)) {
                instructors.add(instructor.getId());
            }
        }

        /** The id of the one existing engineer the unit's certificates point to; null when none or several. */
        Long engineer() {
            return engineers.size() == 1 ? engineers.iterator().next() : null;
        }

        /** The id of the one existing instructor the unit's certificates point to; null when none or several. */
        Long instructor() {
            return instructors.size() == 1 ? instructors.iterator().next() : null;
        }
    }
}
