/**
 * certtrack's Spring Boot auto-configuration: add {@code certtrack-spring-boot-starter} and a driver, and
 * the application gets {@link org.certtrack.EngineerRepository}, {@link org.certtrack.CertificateRepository}
 * and {@link org.certtrack.InstructorRepository} beans over its own {@code EntityManagerFactory}, certtrack's
 * schema migrated before that factory starts, and certtrack's exceptions; nothing of the application's own
 * (transaction manager, pools, Hibernate settings, schema generation, Flyway) changes.
 * {@link org.certtrack.spring.CertTrackAutoConfiguration} says what it does at start-up;
 * {@link org.certtrack.spring.CertTrackProperties} what can be set.
 */
package org.certtrack.spring;
