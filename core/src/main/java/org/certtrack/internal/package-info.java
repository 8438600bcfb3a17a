/**
 * certtrack's implementation: the JPA repositories, the bootstrap's plumbing and input checks.
 * <b>Not API</b>: anything here may change in any release. Use the types of {@code org.certtrack}.
 */
package org.certtrack.internal;
