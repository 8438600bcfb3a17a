package org.certtrack;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.certtrack.internal.Require;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How {@link CertTrack#inTransaction(RetryPolicy, java.util.function.Function)} retries a unit of work that
 * failed with a {@link ConcurrentUpdateException}: up to {@code maxAttempts} runs in all, each in a fresh
 * transaction, after a random pause of up to {@code backoff} times the number of attempts so far (so that
 * the racing writers spread out). With {@link #alsoWhenUnavailable()} it also retries a
 * {@link DatabaseUnavailableException} that wrote nothing (a restart, a failover to a standby), never one
 * raised during the commit, which may have been written. Other failures are never retried.
 *
 * <p>{@link CertTrack#read(RetryPolicy, java.util.function.Function)} and
 * {@link CertTrack#readFromPrimary(RetryPolicy, java.util.function.Function)} retry read-only units the same
 * way: a {@link ConcurrentUpdateException} there is a deadlock or a standby's replay conflict (the standby
 * cancelled the read to apply the primary's changes), and with {@link #alsoWhenUnavailable()} every
 * {@link DatabaseUnavailableException} is retried, since a read wrote nothing.
 *
 * <pre>{@code
 * certTrack.useTransaction(RetryPolicy.upTo(5), work ->
 *         work.engineers().getById(id).setName("Ada King"));
 * // through a failover, which takes about a second: 20 attempts, pauses of up to 0.25 s x attempts
 * certTrack.useTransaction(new RetryPolicy(20, Duration.ofMillis(250)).alsoWhenUnavailable(), work -> ...);
 * }</pre>
 *
 * <p>Each attempt waits for a connection for up to the {@linkplain CertTrackBuilder#connectionTimeout
 * connection timeout}, so a unit retried while the database is unreachable takes up to about
 * {@code maxAttempts} times that before it fails.
 *
 * <p>Immutable; each option is a method that returns a new policy. (Until 0.2.0 it was a record.)
 */
public final class RetryPolicy {

    private static final Logger log = LoggerFactory.getLogger(RetryPolicy.class);

    /** The pause unit {@link #upTo(int)} uses. */
    public static final Duration DEFAULT_BACKOFF = Duration.ofMillis(10);

    private final int maxAttempts;
    private final Duration backoff;
    private final boolean retriesUnavailable;

    private RetryPolicy(int maxAttempts, Duration backoff, boolean retriesUnavailable) {
        this.maxAttempts = Require.between("RetryPolicy.maxAttempts", maxAttempts, 1, 100);
        requireNonNull(backoff, "backoff");
        if (backoff.isNegative() || backoff.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new InvalidValueException("RetryPolicy.backoff", "must be between 0 and 10 seconds", backoff);
        }
        this.backoff = backoff;
        this.retriesUnavailable = retriesUnavailable;
    }

    /**
     * Retries of lost races only, up to {@code maxAttempts} runs in all, {@code backoff} apart.
     *
     * @param maxAttempts how many times to run the work at most, from 1 (no retry) to 100
     * @param backoff     the pause unit between attempts, from 0 to 10 seconds
     * @throws InvalidValueException if an argument is out of range
     */
    public RetryPolicy(int maxAttempts, Duration backoff) {
        this(maxAttempts, backoff, false);
    }

    /** Up to {@code maxAttempts} runs in all, with the {@linkplain #DEFAULT_BACKOFF default} pause. */
    public static RetryPolicy upTo(int maxAttempts) {
        return new RetryPolicy(maxAttempts, DEFAULT_BACKOFF);
    }

    /** This policy, retrying also a {@link DatabaseUnavailableException} that wrote nothing. */
    public RetryPolicy alsoWhenUnavailable() {
        return new RetryPolicy(maxAttempts, backoff, true);
    }

    /** How many times to run the work at most, from 1 (no retry) to 100. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** The pause unit between attempts, from 0 to 10 seconds. */
    public Duration backoff() {
        return backoff;
    }

    /** Whether a {@link DatabaseUnavailableException} that wrote nothing is retried too. */
    public boolean retriesUnavailable() {
        return retriesUnavailable;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RetryPolicy that && maxAttempts == that.maxAttempts && backoff.equals(that.backoff)
                && retriesUnavailable == that.retriesUnavailable;
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxAttempts, backoff, retriesUnavailable);
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", backoff=" + backoff + ", retriesUnavailable=" + retriesUnavailable + "]";
    }

    /** Whether {@code failure} of an attempt is one this policy retries. */
    boolean retries(RuntimeException failure) {
        return failure instanceof ConcurrentUpdateException
                || retriesUnavailable && failure instanceof DatabaseUnavailableException unavailable && !unavailable.mayHaveBeenWritten();
    }

    /**
     * Runs {@code attempt} until it returns, fails with what this policy does not retry, or has run
     * {@link #maxAttempts} times; rethrows the last failure.
     */
    <T> T run(Supplier<T> attempt) {
        for (int number = 1; ; number++) {
            try {
                return attempt.get();
            } catch (ConcurrentUpdateException | DatabaseUnavailableException failure) {
                if (!retries(failure) || number >= maxAttempts) {
                    throw failure;
                }
                log.debug("attempt {} of {} failed, retrying: {}", number, maxAttempts, failure.getMessage());
                try {
                    pauseAfter(number);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw failure;
                }
            }
        }
    }

    /** Sleeps a random time of up to {@code backoff} times {@code attempt}, so that racing writers spread out. */
    void pauseAfter(int attempt) throws InterruptedException {
        long maxMillis = backoff.toMillis() * attempt;
        if (maxMillis > 0) {
            Thread.sleep(ThreadLocalRandom.current().nextLong(maxMillis + 1));
        }
    }
}
