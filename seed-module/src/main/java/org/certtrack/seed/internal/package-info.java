/**
 * certtrack-seed's implementation: row generation and the JDBC and PostgreSQL COPY writers.
 * <b>Not API</b>: anything here may change in any release.
 */
package org.certtrack.seed.internal;
