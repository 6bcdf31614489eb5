package com.acme.shop.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * Runs calls at the same moment, for tests of races: one thread per call, every thread waits at a start gate
 * until all are ready, then all are released together. Results come back in the order of the calls.
 */
public final class Parallel {

    /** How long all the calls together may take before the test fails instead of hanging. */
    public static final Duration TIMEOUT = Duration.ofMinutes(2);

    private Parallel() {
    }

    /** Runs {@code n} calls, the i-th made by {@code call.apply(i)}, released together. */
    public static <T> List<T> run(int n, IntFunction<? extends Callable<T>> call) throws Exception {
        List<Callable<T>> calls = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            calls.add(call.apply(i));
        }
        return run(calls);
    }

    /**
     * Runs the calls, released together, and returns their results in order. A call that throws fails the run
     * with what it threw; calls still running after {@link #TIMEOUT} fail it with a {@link TimeoutException}.
     */
    public static <T> List<T> run(List<? extends Callable<T>> calls) throws Exception {
        if (calls.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch ready = new CountDownLatch(calls.size());
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>(calls.size());
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return call.call();
                }));
            }
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            if (!ready.await(TIMEOUT.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new TimeoutException("the " + calls.size() + " threads did not all start within " + TIMEOUT);
            }
            start.countDown();
            List<T> results = new ArrayList<>(futures.size());
            for (Future<T> future : futures) {
                try {
                    results.add(future.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS));
                } catch (TimeoutException e) {
                    throw new TimeoutException("the " + calls.size() + " calls did not all end within " + TIMEOUT);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Exception cause) {
                        throw cause;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw e;
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
