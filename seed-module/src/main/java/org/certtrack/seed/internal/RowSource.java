package org.certtrack.seed.internal;

/** The rows of one table, generated one at a time, so that writing them needs no memory per row kept. */
public interface RowSource {

    /** The table's name. */
    String table();

    /** The columns each row fills, in order. */
    String[] columns();

    /** The {@link java.sql.Types} of the columns, for writing nulls. */
    int[] sqlTypes();

    /** How many rows {@link #next()} gives in all. */
    long rows();

    /** The next row's values, one per column ({@code Long}, {@code Integer}, {@code String} or null). */
    Object[] next();
}
