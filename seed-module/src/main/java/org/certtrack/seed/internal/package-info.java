/**
 * certtrack-seed's implementation: row generation, the JDBC and PostgreSQL COPY writers, and the summary of
 * skipped PostgreSQL tests.
 * <b>Not API</b>: anything here may change in any release.
 */
package org.certtrack.seed.internal;
