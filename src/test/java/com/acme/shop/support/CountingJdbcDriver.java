package com.acme.shop.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Logger;
import org.postgresql.PGConnection;

/**
 * The tests' JDBC driver ({@code %test.quarkus.datasource.jdbc.driver}): PostgreSQL's own, which also notes the
 * statements the service prepares while {@link #record} is on, so a test can count what one request costs at the
 * JDBC level. Nothing of the service is replaced: every statement still goes to PostgreSQL as it would.
 */
public final class CountingJdbcDriver implements Driver {

    private static final Driver POSTGRES = new org.postgresql.Driver();
    private static final ConcurrentLinkedQueue<String> PREPARED = new ConcurrentLinkedQueue<>();
    private static volatile boolean recording;

    /** Forgets what was noted and notes every statement prepared from now on. */
    public static void record() {
        PREPARED.clear();
        recording = true;
    }

    /** Stops noting; the SQL of every statement prepared since {@link #record}, in order. */
    public static List<String> stop() {
        recording = false;
        return List.copyOf(PREPARED);
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        Connection connection = POSTGRES.connect(url, info);
        return connection == null ? null : counting(connection);
    }

    private static Connection counting(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (recording && args != null && args.length > 0 && args[0] instanceof String sql
                    && (method.getName().equals("prepareStatement") || method.getName().equals("prepareCall"))) {
                PREPARED.add(sql);
            } else if (recording && method.getName().equals("createStatement")) {
                PREPARED.add("<statement>");
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(CountingJdbcDriver.class.getClassLoader(),
                new Class<?>[] {Connection.class, PGConnection.class}, handler);
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
        return POSTGRES.acceptsURL(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return POSTGRES.getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return POSTGRES.getMajorVersion();
    }

    @Override
    public int getMinorVersion() {
        return POSTGRES.getMinorVersion();
    }

    @Override
    public boolean jdbcCompliant() {
        return POSTGRES.jdbcCompliant();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return POSTGRES.getParentLogger();
    }
}
