package org.certtrack;

/**
 * Thrown by {@link CertTrack#read} and {@link CertTrack#readFromPrimary} when the work tried to write (a
 * native or bulk {@code UPDATE}, {@code INSERT} or {@code DELETE}, or a flush of entities it persisted or
 * removed through the entity manager), on H2 and PostgreSQL alike. Nothing was written. Write in
 * {@link CertTrack#inTransaction} instead.
 */
public class ReadOnlyUnitException extends CertTrackException {

    public ReadOnlyUnitException(String message, Throwable cause) {
        super(message, cause);
    }
}
