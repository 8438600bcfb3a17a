package org.certtrack.internal;

import org.certtrack.InvalidValueException;

/** The checks entities and repositories run on their input before any SQL does. */
public final class Require {

    /**
     * The code points that count as blank: a name, specialty or title made only of these is rejected, here
     * and by the database's CHECK constraints (migration V5 lists the same code points). They are every
     * code point for which {@link Character#isWhitespace} or {@link Character#isSpaceChar} holds, plus
     * those that show nothing: U+0085 (next line), the Hangul fillers U+115F, U+1160, U+3164 and U+FFA0,
     * U+180E, U+200B-U+200D (zero width space, non-joiner, joiner), U+2060 (word joiner) and U+FEFF.
     */
    public static final String BLANK = "\u0009\n\u000B\u000C\r\u001C\u001D\u001E\u001F\u0020\u0085\u00A0"
            + "\u115F\u1160\u1680\u180E\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A"
            + "\u200B\u200C\u200D\u2028\u2029\u202F\u205F\u2060\u3000\u3164\uFEFF\uFFA0";

    private Require() {
    }

    /**
     * Returns {@code value} if it is not {@linkplain #isBlank blank}, at most {@code maxLength} characters
     * long, counted in Unicode code points as PostgreSQL counts them (an emoji is one), and holds neither a
     * lone surrogate (which PostgreSQL would store as {@code ?}) nor NUL.
     */
    public static String text(String field, String value, int maxLength) {
        if (value == null) {
            throw new InvalidValueException(field, "is required", null);
        }
        withoutLoneSurrogates(field, value);
        if (isBlank(value)) {
            throw new InvalidValueException(field, "must not be blank", value);
        }
        int length = value.codePointCount(0, value.length());
        if (length > maxLength) {
            throw new InvalidValueException(field, "must be at most " + maxLength + " characters", value);
        }
        return withoutNul(field, value);
    }

    /** Whether every code point of {@code value} is one of {@link #BLANK}; true for the empty string. */
    public static boolean isBlank(String value) {
        return value.codePoints().allMatch(codePoint -> BLANK.indexOf(codePoint) >= 0);
    }

    private static void withoutLoneSurrogates(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidValueException(field, "must not contain a lone surrogate (U+"
                        + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT) + " at index " + i
                        + "), which is not a character", value);
            }
        }
    }

    /**
     * Returns {@code value} if it is not null and holds no NUL character, which PostgreSQL cannot store or
     * compare (it would fail the statement; H2 would accept it, so the two databases would disagree).
     */
    public static String searchText(String field, String value) {
        withoutLoneSurrogates(field, present(field, value));
        return withoutNul(field, value);
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
