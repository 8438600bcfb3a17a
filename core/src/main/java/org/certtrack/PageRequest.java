package org.certtrack;

import org.certtrack.internal.Require;

/**
 * Which page of a list to read: the zero-based page number and the page size, which is bounded so that
 * no single read can pull a whole table into memory.
 *
 * @param page zero-based page number
 * @param size rows per page, from 1 to {@value #MAX_SIZE}
 */
public record PageRequest(int page, int size) {

    /** The largest page size a repository serves. */
    public static final int MAX_SIZE = 500;
    /** The page size {@link #first()} uses. */
    public static final int DEFAULT_SIZE = 20;

    /** @throws InvalidValueException if the page is negative or the size is not between 1 and {@value #MAX_SIZE} */
    public PageRequest {
        Require.between("PageRequest.page", page, 0, Integer.MAX_VALUE / MAX_SIZE);
        Require.between("PageRequest.size", size, 1, MAX_SIZE);
    }

    /** The given page of the given size. */
    public static PageRequest of(int page, int size) {
        return new PageRequest(page, size);
    }

    /** The first page of {@value #DEFAULT_SIZE} rows. */
    public static PageRequest first() {
        return new PageRequest(0, DEFAULT_SIZE);
    }

    /** The first page of the given size. */
    public static PageRequest first(int size) {
        return new PageRequest(0, size);
    }

    /** The page after this one, of the same size. */
    public PageRequest next() {
        return new PageRequest(page + 1, size);
    }

    /** How many rows come before this page. */
    public int offset() {
        return page * size;
    }
}
