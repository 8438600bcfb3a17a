/**
 * certtrack's service provider interface: what an integration needs that an application does not, used by
 * certtrack's own modules (the Spring Boot starter, certtrack-seed's test databases) and open to others (a
 * Quarkus or Micronaut extension, a test harness).
 *
 * <p><b>Stability</b>: part of the public API and checked against its baseline like the rest, but with a
 * weaker promise than {@code org.certtrack}: before 1.0 any minor release may change it, and every change is
 * written in the CHANGELOG with an upgrade note. Applications use {@code org.certtrack} and need nothing
 * here. One exception: {@link org.certtrack.spi.H2RowRules} is a class name that H2 database files store,
 * and it never changes.
 */
package org.certtrack.spi;
