/**
 * Implementation of certtrack's Spring Boot starter; not API: anything here may change in any release.
 */
package org.certtrack.spring.internal;
