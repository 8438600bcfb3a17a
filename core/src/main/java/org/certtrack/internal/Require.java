package org.certtrack.internal;

import org.certtrack.InvalidValueException;

/** The checks entities and repositories run on their input before any SQL does. */
public final class Require {

    private Require() {
    }

    /** Returns {@code value} if it is non-blank and at most {@code maxLength} characters long. */
    public static String text(String field, String value, int maxLength) {
        if (value == null) {
            throw new InvalidValueException(field, "is required", null);
        }
        if (value.isBlank()) {
            throw new InvalidValueException(field, "must not be blank", value);
        }
        if (value.length() > maxLength) {
            throw new InvalidValueException(field, "must be at most " + maxLength + " characters", value);
        }
        return withoutNul(field, value);
    }

    /**
     * Returns {@code value} if it is not null and holds no NUL character, which PostgreSQL cannot store or
     * compare (it would fail the statement; H2 would accept it, so the two databases would disagree).
     */
    public static String searchText(String field, String value) {
        return withoutNul(field, present(field, value));
    }

    private static String withoutNul(String field, String value) {
        if (value.indexOf('\u0000') >= 0) {
            throw new InvalidValueException(field, "must not contain the NUL character (U+0000)", value.replace('\u0000', '?'));
        }
        return value;
    }

    /** Returns {@code value} if it lies between {@code min} and {@code max}, both included. */
    public static int between(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidValueException(field, "must be between " + min + " and " + max, value);
        }
        return value;
    }

    /** Returns {@code value} if it is not null. */
    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new InvalidValueException(field, "is required", null);
        }
        return value;
    }
}
