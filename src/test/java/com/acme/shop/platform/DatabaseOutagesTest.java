package com.acme.shop.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which failures mean "the database cannot be reached" (503), on their own: no Quarkus, no database. */
class DatabaseOutagesTest {

    private static Throwable wrapped(Throwable cause) {
        return new RuntimeException("Unable to acquire JDBC Connection", new IllegalStateException("x", cause));
    }

    /** A statement of ours ({@link Sql}) that could not run. */
    private static Throwable failedStatement(SQLException cause) {
        return new Sql.Failed(cause);
    }

    private static Throwable suppressed(Throwable inner) {
        RuntimeException outer = new RuntimeException("commit failed");
        outer.addSuppressed(inner);
        return outer;
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("connection refused (08001)", wrapped(new SQLException("Connection refused", "08001")), true),
                Arguments.of("connection failure (08006)", new SQLException("I/O error", "08006"), true),
                Arguments.of("admin shutdown (57P01)", wrapped(new SQLException("terminating connection", "57P01")), true),
                Arguments.of("crash shutdown (57P02)", new SQLException("crash", "57P02"), true),
                Arguments.of("cannot connect now (57P03)", wrapped(new SQLException("the database system is starting up", "57P03")), true),
                Arguments.of("Agroal acquisition timeout", wrapped(new SQLException(
                        "Acquisition timeout while waiting for new connection", new TimeoutException())), true),
                Arguments.of("transient connection exception", new SQLTransientConnectionException("gone"), true),
                Arguments.of("a statement whose connection broke", failedStatement(new SQLException("I/O error", "08006")), true),
                Arguments.of("a statement refused", failedStatement(new SQLException("duplicate", "23505")), false),
                Arguments.of("suppressed connection failure", suppressed(new SQLException("gone", "08003")), true),
                Arguments.of("next exception of a batch", batch(new SQLException("gone", "08006")), true),
                Arguments.of("unique violation", wrapped(new SQLException("duplicate", "23505")), false),
                Arguments.of("string too long", new SQLException("too long", "22001"), false),
                Arguments.of("deadlock", new SQLException("deadlock", "40P01"), false),
                Arguments.of("a bug", new NullPointerException(), false),
                Arguments.of("a cause cycle", cycle(), false));
    }

    private static Throwable batch(SQLException next) {
        SQLException batch = new SQLException("Batch entry 0 was aborted");
        batch.setNextException(next);
        return batch;
    }

    private static Throwable cycle() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        return a;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void tellsAnUnreachableDatabaseFromFailedWork(String name, Throwable failure, boolean outage) {
        assertEquals(outage, DatabaseOutages.isOutage(failure), name);
    }
}
