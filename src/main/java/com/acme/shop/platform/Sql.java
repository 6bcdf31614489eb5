package com.acme.shop.platform;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain JDBC, the service's one way to its database. Inside a transaction the pool hands out the transaction's own
 * connection (Agroal enlists it in the JTA transaction), so every statement of one transaction commits or rolls
 * back together; outside one, each call borrows a connection and returns it. Writes take effect at once: there is
 * no session to flush. Parameters are {@code ?} in order, or {@code ?1}, {@code ?2}... (a number may repeat);
 * an {@link Instant} is bound as a UTC timestamp, a {@code UUID[]} or {@code String[]} as an array.
 */
@ApplicationScoped
public class Sql {

    private final AgroalDataSource dataSource;

    Sql(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Maps the current row of a result. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** A statement PostgreSQL refused; the problem mappers read its SQLState. */
    public static class Failed extends RuntimeException {
        Failed(SQLException cause) {
            super("SQL statement failed: " + cause.getMessage(), cause);
        }
    }

    /** Runs an INSERT, UPDATE or DELETE; the number of rows it changed. */
    public int update(String sql, Object... parameters) {
        Numbered numbered = numbered(sql);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(numbered.jdbc())) {
            bind(statement, numbered.order(parameters));
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new Failed(e);
        }
    }

    /** Runs one INSERT, UPDATE or DELETE for each row of parameters, as one JDBC batch (nothing when none). */
    public void batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Numbered numbered = numbered(sql);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(numbered.jdbc())) {
            for (Object[] parameters : rows) {
                bind(statement, numbered.order(parameters));
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new Failed(e);
        }
    }

    /** Runs a query (or a statement with RETURNING); every row, mapped. */
    public <T> List<T> list(String sql, Row<T> row, Object... parameters) {
        Numbered numbered = numbered(sql);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(numbered.jdbc())) {
            bind(statement, numbered.order(parameters));
            try (ResultSet rs = statement.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row.map(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new Failed(e);
        }
    }

    /** The first row, if any. */
    public <T> Optional<T> first(String sql, Row<T> row, Object... parameters) {
        List<T> rows = list(sql, row, parameters);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** A timestamptz column as an Instant (null stays null). */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value instanceof Instant instant) {
                value = instant.atOffset(ZoneOffset.UTC);
            } else if (value instanceof UUID[] ids) {
                value = statement.getConnection().createArrayOf("uuid", ids);
            } else if (value instanceof String[] texts) {
                value = statement.getConnection().createArrayOf("text", texts);
            }
            statement.setObject(i + 1, value);
        }
    }

    private static final Pattern NUMBER = Pattern.compile("\\?(\\d+)");
    private static final Map<String, Numbered> NUMBERED = new ConcurrentHashMap<>();

    /** A statement's JDBC text and, for {@code ?1}-style parameters, which argument each {@code ?} takes. */
    private record Numbered(String jdbc, int[] positions) {

        Object[] order(Object[] parameters) {
            if (positions == null) {
                return parameters;
            }
            Object[] ordered = new Object[positions.length];
            for (int i = 0; i < positions.length; i++) {
                ordered[i] = parameters[positions[i] - 1];
            }
            return ordered;
        }
    }

    private static Numbered numbered(String sql) {
        if (!hasNumbered(sql)) {
            return new Numbered(sql, null);
        }
        // Only numbered statements are kept: their texts are fixed in the code.
        return NUMBERED.computeIfAbsent(sql, text -> {
            Matcher m = NUMBER.matcher(text);
            List<Integer> positions = new ArrayList<>();
            StringBuilder jdbc = new StringBuilder();
            while (m.find()) {
                positions.add(Integer.parseInt(m.group(1)));
                m.appendReplacement(jdbc, "?");
            }
            m.appendTail(jdbc);
            return new Numbered(jdbc.toString(), positions.stream().mapToInt(Integer::intValue).toArray());
        });
    }

    private static boolean hasNumbered(String sql) {
        for (int i = sql.indexOf('?'); i >= 0 && i + 1 < sql.length(); i = sql.indexOf('?', i + 1)) {
            if (Character.isDigit(sql.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }
}
