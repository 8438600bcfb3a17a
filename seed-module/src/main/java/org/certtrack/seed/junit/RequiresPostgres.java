package org.certtrack.seed.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that needs PostgreSQL and opens it itself with {@link TestDatabase#postgres()}: when no
 * PostgreSQL is found the whole class is skipped before any of its lifecycle methods run, counted as skipped
 * in the build's summary and in the one-line reason certtrack prints at the end of the run; with
 * {@code CI=true} the class fails instead.
 *
 * <pre>{@code
 * @RequiresPostgres
 * class ReportIT {
 *
 *     private TestDatabase database;
 *
 *     @BeforeEach
 *     void freshSchema() {
 *         database = TestDatabase.postgres();
 *     }
 *     ...
 * }
 * }</pre>
 *
 * A class that registers {@link CertTrackExtension#postgres()} on a static field needs no annotation: the
 * extension decides the same way.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(PostgresCondition.class)
public @interface RequiresPostgres {
}
