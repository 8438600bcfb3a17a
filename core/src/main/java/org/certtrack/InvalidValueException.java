package org.certtrack;

import static java.util.Objects.requireNonNull;

/**
 * Thrown when a value is rejected before any SQL runs: a blank name, an implausible age, an oversized
 * page. The message names the field and says what is wrong with the value, for example
 * {@code Instructor.name must not be blank, but was "  "}.
 *
 * <p>Until 0.2.0 it extended {@link IllegalArgumentException}; it is now a {@link CertTrackException}, so that
 * one type catches every failure certtrack reports. Nothing the unit of work wrote is kept.
 */
public class InvalidValueException extends CertTrackException {

    private static final long serialVersionUID = 1L;

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
            // Counted and cut in code points, so a surrogate pair is never split; a lone surrogate shows as U+FFFD.
            int[] codePoints = text.codePoints().map(c -> Character.isSurrogate((char) c) && c <= 0xFFFF ? 0xFFFD : c).toArray();
            String shown = codePoints.length > 40
                    ? new String(codePoints, 0, 40) + "...(" + codePoints.length + " characters)"
                    : new String(codePoints, 0, codePoints.length);
            return "\"" + shown + "\"";
        }
        return String.valueOf(value);
    }
}
