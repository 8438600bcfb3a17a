package org.certtrack;

import org.certtrack.internal.Require;

/**
 * Which page of a list to read: the zero-based page number and the page size, which is bounded so that
 * no single read can pull a whole table into memory. Made by {@link #of}, {@link #first()} and
 * {@link #next()}. (Until 0.2.0 it was a record with a public constructor.)
 */
public final class PageRequest {

    /** The largest page size a repository serves. */
    public static final int MAX_SIZE = 500;
    /** The page size {@link #first()} uses. */
    public static final int DEFAULT_SIZE = 20;

    private final int page;
    private final int size;

    private PageRequest(int page, int size) {
        this.page = Require.between("PageRequest.page", page, 0, Integer.MAX_VALUE / MAX_SIZE);
        this.size = Require.between("PageRequest.size", size, 1, MAX_SIZE);
    }

    /**
     * The given page of the given size.
     *
     * @param page zero-based page number
     * @param size rows per page, from 1 to {@value #MAX_SIZE}
     * @throws InvalidValueException if the page is negative or the size is not between 1 and {@value #MAX_SIZE}
     */
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

    /** The zero-based page number. */
    public int page() {
        return page;
    }

    /** Rows per page, from 1 to {@value #MAX_SIZE}. */
    public int size() {
        return size;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PageRequest that && page == that.page && size == that.size;
    }

    @Override
    public int hashCode() {
        return 31 * page + size;
    }

    @Override
    public String toString() {
        return "PageRequest[page=" + page + ", size=" + size + "]";
    }
}
