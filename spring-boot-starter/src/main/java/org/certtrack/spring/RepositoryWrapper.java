package org.certtrack.spring;

/**
 * Something the starter puts around each repository bean it makes (the observations, when Micrometer is
 * there). Free of optional classes, so that the repository beans can ask for one whatever is on the
 * classpath.
 */
interface RepositoryWrapper {

    /** {@code repository}, or a wrapper of it that implements {@code type} only. */
    <R> R wrap(Class<R> type, R repository);
}
