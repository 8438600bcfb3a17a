package org.certtrack;

import static java.util.Objects.requireNonNull;

/**
 * Thrown when a value is rejected before any SQL runs: a blank name, an implausible age, an oversized
 * page. The message names the field and says what is wrong with the value, for example
 * {@code Instructor.name must not be blank, but was "  "}.
 */
public class InvalidValueException extends IllegalArgumentException {

    private final String field;

    /**
     * @param field   the field or parameter, as {@code Type.field} (for example {@code Engineer.age})
     * @param problem what the value must be (for example {@code must be between 16 and 100})
     * @param value   the rejected value, quoted in the message
     */
    public InvalidValueException(String field, String problem, Object value) {
        super(field + " " + problem + ", but was " + quote(value));
        this.field = requireNonNull(field, "field");
    }

    /** The field or parameter whose value was rejected, as {@code Type.field}. */
    public String field() {
        return field;
    }

    private static String quote(Object value) {
        if (value instanceof CharSequence text) {
            String shown = text.length() > 40 ? text.subSequence(0, 40) + "...(" + text.length() + " characters)" : text.toString();
            return "\"" + shown + "\"";
        }
        return String.valueOf(value);
    }
}
