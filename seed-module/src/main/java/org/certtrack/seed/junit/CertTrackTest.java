package org.certtrack.seed.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the annotated test class a private, migrated certtrack database through {@link CertTrackExtension}:
 * the annotation form of {@code @RegisterExtension static CertTrackExtension db = ...}, for classes that need
 * no fixture or builder customization.
 *
 * <pre>{@code
 * @CertTrackTest(database = CertTrackTest.Database.EMBEDDED, standardData = true, seed = 42)
 * class EngineerSearchTest {
 *
 *     @Test
 *     void findsTheSeededEngineers(EngineerRepository engineers) {
 *         assertThat(engineers.count()).isEqualTo(10);
 *     }
 * }
 * }</pre>
 *
 * <p>Everything {@link CertTrackExtension} says about injection, transactions and isolation applies.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(CertTrackTestExtension.class)
public @interface CertTrackTest {

    /** Which database the class gets (default: the configured PostgreSQL, else embedded H2). */
    Database database() default Database.CONFIGURED_OR_EMBEDDED;

    /** Whether to load the standard data set before each test. */
    boolean standardData() default false;

    /** The standard data set's random seed: none (the default) draws one per class, which is logged. */
    long[] seed() default {};

    /** The databases {@link CertTrackTest#database()} chooses from. */
    enum Database {
        /** As {@link CertTrackExtension#create()}: the configured PostgreSQL, else embedded H2. */
        CONFIGURED_OR_EMBEDDED(CertTrackExtension::create),
        /** As {@link CertTrackExtension#embedded()}: an in-memory H2 database. */
        EMBEDDED(CertTrackExtension::embedded),
        /** As {@link CertTrackExtension#postgres()}: PostgreSQL, configured or in Testcontainers, else skip. */
        POSTGRES(CertTrackExtension::postgres);

        final Supplier<CertTrackExtension> factory;

        Database(Supplier<CertTrackExtension> factory) {
            this.factory = factory;
        }
    }
}
