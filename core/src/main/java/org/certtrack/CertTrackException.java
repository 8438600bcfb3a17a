package org.certtrack;

/**
 * Thrown when certtrack cannot do its job for a reason outside the caller's input: the database cannot
 * be reached, or its schema does not match the migrations. Messages never contain a password.
 */
public class CertTrackException extends RuntimeException {

    public CertTrackException(String message) {
        super(message);
    }

    public CertTrackException(String message, Throwable cause) {
        super(message, cause);
    }
}
