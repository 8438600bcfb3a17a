/**
 * JUnit 5 support: {@link org.certtrack.seed.junit.CertTrackExtension} (or the annotation
 * {@link org.certtrack.seed.junit.CertTrackTest}) gives a test class a private,
 * migrated certtrack database (embedded H2, or PostgreSQL) and injects certtrack's entry point, its
 * repositories and an {@code EntityManager} into test methods. Needs {@code junit-jupiter-api} on the test
 * classpath, and {@code testcontainers-postgresql} only to start PostgreSQL in Docker.
 */
package org.certtrack.seed.junit;
