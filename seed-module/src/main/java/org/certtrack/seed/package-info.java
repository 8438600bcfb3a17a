/**
 * certtrack test data: fixture builders ({@link org.certtrack.seed.EngineerBuilder#anEngineer()},
 * {@link org.certtrack.seed.CertificateBuilder#aCertificate()},
 * {@link org.certtrack.seed.InstructorBuilder#anInstructor()}), named {@link org.certtrack.seed.Fixtures},
 * and the {@link org.certtrack.seed.Seeder}, which replaces a database's data with a deterministic data set.
 * JUnit 5 support is in {@link org.certtrack.seed.junit}.
 */
package org.certtrack.seed;
