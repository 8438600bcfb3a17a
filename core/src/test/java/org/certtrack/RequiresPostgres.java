package org.certtrack;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that needs PostgreSQL ({@link TestDatabase#postgres()}): skipped as a whole, before any
 * lifecycle method runs, when none is found, counted and summed up by {@link PostgresSkipSummary}; failed
 * when {@code CI=true}. Not for use outside core's tests: a copy of certtrack-seed's public
 * {@code @RequiresPostgres}, for want of a dependency.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(PostgresCondition.class)
@interface RequiresPostgres {
}
