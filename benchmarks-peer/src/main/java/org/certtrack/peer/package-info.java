/**
 * The benchmarks' peer: what a competent Spring team would write instead of certtrack, over the same
 * three tables and with the same JSON API. Its own entity mappings, Spring Data JPA repositories,
 * read-only transactional services and a Spring MVC controller; nothing of certtrack's API. Not published.
 */
package org.certtrack.peer;
