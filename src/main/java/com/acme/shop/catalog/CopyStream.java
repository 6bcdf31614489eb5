package com.acme.shop.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows streamed into a table by {@code COPY ... FROM STDIN} (text format) on the transaction's connection. The
 * database stores each row as it arrives while the caller prepares the next, and the caller holds one buffer,
 * however many rows it sends. Fields are appended in the statement's column order and {@link #endRow()} ends a
 * row. Until {@link #finish()} nothing else may run on the connection; closing an unfinished stream cancels the
 * COPY, which aborts the transaction.
 */
final class CopyStream implements AutoCloseable {

    private static final int FLUSH_AT = 1 << 16;

    private final Connection connection;
    private final CopyIn copy;
    private final byte[] buffer = new byte[FLUSH_AT + 16];
    private int size;
    private boolean inRow;

    private CopyStream(Connection connection, CopyIn copy) {
        this.connection = connection;
        this.copy = copy;
    }

    /** Starts {@code sql} (a {@code COPY ... FROM STDIN}) on {@code connection}, which the stream closes. */
    static CopyStream open(Connection connection, String sql) {
        try {
            return new CopyStream(connection, connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql));
        } catch (SQLException e) {
            try {
                connection.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new ProductRows.CatalogWriteException(e);
        }
    }

    CopyStream text(String value) {
        separate();
        if (value == null) {
            nul();
            return this;
        }
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> escaped('\\');
                    case '\t' -> escaped('t');
                    case '\n' -> escaped('n');
                    case '\r' -> escaped('r');
                    default -> put(c);
                }
            } else if (c < 0x800) {
                put(0xC0 | (c >> 6));
                put(0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, value.charAt(++i));
                put(0xF0 | (cp >> 18));
                put(0x80 | ((cp >> 12) & 0x3F));
                put(0x80 | ((cp >> 6) & 0x3F));
                put(0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                put('?'); // a lone surrogate has no UTF-8 form; String.getBytes writes '?' as well
            } else {
                put(0xE0 | (c >> 12));
                put(0x80 | ((c >> 6) & 0x3F));
                put(0x80 | (c & 0x3F));
            }
        }
        return this;
    }

    CopyStream number(Number value) {
        separate();
        if (value == null) {
            nul();
        } else {
            ascii(value.toString());
        }
        return this;
    }

    CopyStream bool(Boolean value) {
        separate();
        if (value == null) {
            nul();
        } else {
            put(value ? 't' : 'f');
        }
        return this;
    }

    CopyStream uuid(UUID value) {
        separate();
        if (value == null) {
            nul();
        } else {
            ascii(value.toString());
        }
        return this;
    }

    void endRow() {
        put('\n');
        inRow = false;
        if (size >= FLUSH_AT) {
            flush();
        }
    }

    /** Sends what is left and ends the COPY; answers the number of rows the database took. */
    long finish() {
        try {
            flush();
            return copy.endCopy();
        } catch (SQLException e) {
            throw new ProductRows.CatalogWriteException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException cancelled) {
            // the COPY is over either way; the transaction it aborted rolls back
        } finally {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the transaction owns the physical connection and releases it when it ends
            }
        }
    }

    private void separate() {
        if (inRow) {
            put('\t');
        }
        inRow = true;
    }

    private void nul() {
        put('\\');
        put('N');
    }

    private void escaped(char c) {
        put('\\');
        put(c);
    }

    private void ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            put(s.charAt(i));
        }
    }

    private void put(int b) {
        if (size == buffer.length) {
            flush();
        }
        buffer[size++] = (byte) b;
    }

    private void flush() {
        if (size > 0) {
            try {
                copy.writeToCopy(buffer, 0, size);
            } catch (SQLException e) {
                throw new ProductRows.CatalogWriteException(e);
            }
            size = 0;
        }
    }
}
