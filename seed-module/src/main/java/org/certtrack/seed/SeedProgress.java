package org.certtrack.seed;

/**
 * How far a {@link Seeder} has got, reported after each batch of rows and at the end of each table.
 *
 * @param table        the table being written: {@code instructors}, {@code engineers}, then {@code certificates}
 * @param tableWritten rows written to that table so far
 * @param tableRows    rows that table gets in all
 * @param written      rows written to all tables so far
 * @param rows         rows all tables get in all
 */
public record SeedProgress(String table, long tableWritten, long tableRows, long written, long rows) {

    /** The share of all rows written, from 0 to 1. */
    public double fraction() {
        return rows == 0 ? 1 : (double) written / rows;
    }
}
