package org.certtrack.seed;

import org.certtrack.InvalidValueException;

/**
 * What the {@link Seeder} writes: how many engineers, certificates and instructors, and how they relate.
 *
 * <ul>
 *   <li>{@link #standard()}: the standard data set: 10 engineers and 40 certificates each held
 *       by a randomly chosen one of them, plus {@value #STANDARD_INSTRUCTORS} instructors who issued most of
 *       the certificates.</li>
 *   <li>{@link #sized(int, int, int)}: as many rows as a volume test needs, every engineer holding the same
 *       number of certificates. The seeder streams it, so memory stays flat as the size grows.</li>
 * </ul>
 *
 * <p>In both, engineers have realistic names, a specialty from {@link #SPECIALTIES} and an age from
 * {@value #MIN_AGE} to {@value #MAX_AGE}; certificates are titled from {@link #TITLES}, expire from
 * {@value #FIRST_EXPIRATION_YEAR} to {@value #LAST_EXPIRATION_YEAR}, and three in four name an instructor
 * (when there are any).
 */
public final class DataSet {

    /** The specialties engineers are given. */
    public static final java.util.List<String> SPECIALTIES =
            java.util.List.of("fullstack", "frontend", "backend", "quality assurance", "devops");
    /** The certificate titles. */
    public static final java.util.List<String> TITLES = java.util.List.of("AWS", "Azure", "Github");
    /** The youngest engineer's age. */
    public static final int MIN_AGE = 19;
    /** The oldest engineer's age. */
    public static final int MAX_AGE = 70;
    /** The earliest expiration year. */
    public static final int FIRST_EXPIRATION_YEAR = 2022;
    /** The latest expiration year. */
    public static final int LAST_EXPIRATION_YEAR = 2030;
    /** How many instructors the standard data set has. */
    public static final int STANDARD_INSTRUCTORS = 4;

    private final String name;
    private final int engineers;
    private final int certificatesPerEngineer;
    private final long certificates;
    private final int instructors;

    private DataSet(String name, int engineers, int certificatesPerEngineer, long certificates, int instructors) {
        this.name = name;
        this.engineers = engineers;
        this.certificatesPerEngineer = certificatesPerEngineer;
        this.certificates = certificates;
        this.instructors = instructors;
    }

    /** The standard data: 10 engineers, 40 certificates, and {@value #STANDARD_INSTRUCTORS} instructors. */
    public static DataSet standard() {
        return new DataSet("standard", 10, 0, 40, STANDARD_INSTRUCTORS);
    }

    /**
     * {@code engineers} engineers holding {@code certificatesPerEngineer} certificates each, issued by
     * {@code instructors} instructors.
     *
     * @throws InvalidValueException if a count is negative, or more than 1000 certificates per engineer
     */
    public static DataSet sized(int engineers, int certificatesPerEngineer, int instructors) {
        atLeastZero("DataSet.engineers", engineers);
        atLeastZero("DataSet.instructors", instructors);
        if (certificatesPerEngineer < 0 || certificatesPerEngineer > 1000) {
            throw new InvalidValueException("DataSet.certificatesPerEngineer", "must be between 0 and 1000",
                    certificatesPerEngineer);
        }
        return new DataSet("sized", engineers, certificatesPerEngineer,
                (long) engineers * certificatesPerEngineer, instructors);
    }

    private static void atLeastZero(String field, int count) {
        if (count < 0) {
            throw new InvalidValueException(field, "must not be negative", count);
        }
    }

    /** {@code standard} or {@code sized}. */
    public String name() {
        return name;
    }

    /** How many engineers. */
    public int engineers() {
        return engineers;
    }

    /** How many certificates in all. */
    public long certificates() {
        return certificates;
    }

    /** How many certificates each engineer holds, or 0 when each certificate goes to a random engineer. */
    public int certificatesPerEngineer() {
        return certificatesPerEngineer;
    }

    /** How many instructors. */
    public int instructors() {
        return instructors;
    }

    /** Whether the engineers' names are drawn one by one (standard) rather than combined from a pool (sized). */
    boolean drawsEveryName() {
        return certificatesPerEngineer == 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DataSet that && name.equals(that.name) && engineers == that.engineers
                && certificatesPerEngineer == that.certificatesPerEngineer && certificates == that.certificates
                && instructors == that.instructors;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, engineers, certificatesPerEngineer, certificates, instructors);
    }

    @Override
    public String toString() {
        return name + " data set (" + engineers + " engineers, " + certificates + " certificates, "
                + instructors + " instructors)";
    }
}
