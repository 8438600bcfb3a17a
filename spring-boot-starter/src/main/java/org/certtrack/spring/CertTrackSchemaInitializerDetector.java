package org.certtrack.spring;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link CertTrackSchemaInitializer} initializes the database, so that the beans
 * that need an initialized database (the {@code EntityManagerFactory}, {@code JdbcTemplate}s) wait for it.
 */
class CertTrackSchemaInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(CertTrackSchemaInitializer.class);
    }

    /** Before the application's own Flyway (order 1), whose scripts may refer to certtrack's tables. */
    @Override
    public int getOrder() {
        return 0;
    }
}
