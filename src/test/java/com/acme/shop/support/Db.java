package com.acme.shop.support;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tests' one way to look into (or set up) the database behind the API, for what the API does not show.
 * Inject it in a {@code @QuarkusTest}: {@code @Inject Db db;}. Parameters are bound in order with
 * {@code setObject} (a string for a uuid column wants {@code ?::uuid}); each call uses its own connection and
 * autocommits. SQL errors come back as {@link IllegalStateException}s that name the statement.
 */
@ApplicationScoped
public class Db {

    @Inject
    AgroalDataSource dataSource;

    /** The first column of the one (first) row, as a long: {@code count(*)} and other numbers. */
    public long count(String sql, Object... params) {
        return query(sql, params, rs -> {
            requireRow(rs, sql);
            return rs.getLong(1);
        });
    }

    /** The first column of the first row, as JDBC gives it ({@code String}, {@code Long}, ...). */
    @SuppressWarnings("unchecked")
    public <T> T value(String sql, Object... params) {
        return query(sql, params, rs -> {
            requireRow(rs, sql);
            return (T) rs.getObject(1);
        });
    }

    /** The first column of every row, in order. */
    @SuppressWarnings("unchecked")
    public <T> List<T> values(String sql, Object... params) {
        return query(sql, params, rs -> {
            List<T> values = new ArrayList<>();
            while (rs.next()) {
                values.add((T) rs.getObject(1));
            }
            return values;
        });
    }

    /** The first row, a map from column label to value in column order. */
    public Map<String, Object> row(String sql, Object... params) {
        return query(sql, params, rs -> {
            requireRow(rs, sql);
            return columns(rs);
        });
    }

    /** Every row, each a map from column label to value in column order. */
    public List<Map<String, Object>> rows(String sql, Object... params) {
        return query(sql, params, rs -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(columns(rs));
            }
            return rows;
        });
    }

    /** Runs an INSERT, UPDATE or DELETE and returns how many rows it changed. */
    public int execute(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, params)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    private interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> T query(String sql, Object[] params, Reader<T> reader) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, params);
                ResultSet rs = s.executeQuery()) {
            return reader.read(rs);
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object[] params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s;
        } catch (SQLException e) {
            s.close();
            throw e;
        }
    }

    private static Map<String, Object> columns(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            row.put(meta.getColumnLabel(i), rs.getObject(i));
        }
        return row;
    }

    private static void requireRow(ResultSet rs, String sql) throws SQLException {
        if (!rs.next()) {
            throw new IllegalStateException("no row from: " + sql);
        }
    }

    private static IllegalStateException failed(String sql, SQLException e) {
        return new IllegalStateException("SQL failed: " + sql + ": " + e.getMessage(), e);
    }
}
