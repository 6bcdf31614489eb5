package com.acme.shop.platform;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Tells a failure to reach PostgreSQL (it restarts, fails over, refuses or drops connections, or the pool cannot
 * get one in time) from a failure of the work itself. The first is nobody's fault and passes: the client is told
 * 503 {@code service_unavailable} with {@code Retry-After}, never 500. Whatever wraps it ({@link Sql}, JTA, our own
 * rate limits), the cause chain and suppressed exceptions are searched.
 */
public final class DatabaseOutages {

    /** What a client is told to wait before retrying; a restart or failover usually takes seconds. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseOutages() {
    }

    public static boolean isOutage(Throwable error) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>();
        add(todo, error);
        while (!todo.isEmpty()) {
            Throwable t = todo.pop();
            if (!seen.add(t) || seen.size() > 64) {
                continue;
            }
            if (unreachable(t)) {
                return true;
            }
            add(todo, t.getCause());
            for (Throwable suppressed : t.getSuppressed()) {
                add(todo, suppressed);
            }
            if (t instanceof SQLException sql) {
                add(todo, sql.getNextException());
            }
        }
        return false;
    }

    private static void add(Deque<Throwable> todo, Throwable t) {
        if (t != null) {
            todo.push(t);
        }
    }

    private static boolean unreachable(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (!(t instanceof SQLException sql)) {
            return false;
        }
        String state = sql.getSQLState();
        if (state != null) {
            // 08: connection exceptions (refused, broken, cannot be established); 57P01 admin shutdown, 57P02 crash
            // shutdown, 57P03 cannot connect now (starting up, in recovery)
            return state.startsWith("08") || "57P01".equals(state) || "57P02".equals(state) || "57P03".equals(state);
        }
        // Agroal's "Acquisition timeout while waiting for new connection": no state, a TimeoutException as cause.
        return sql.getCause() instanceof TimeoutException
                || (sql.getMessage() != null && sql.getMessage().toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout"));
    }
}
