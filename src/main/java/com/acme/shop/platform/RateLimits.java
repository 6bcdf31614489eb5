package com.acme.shop.platform;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Fixed-window counters in PostgreSQL, so every instance on the database shares them. One statement per hit:
 * the upsert both opens a new window when the old one has passed and counts, atomically, so concurrent
 * hits from several instances can never be lost or over-granted.
 *
 * <p>A hit is one autocommitted statement outside the caller's transaction: it must survive the caller's rollback
 * (a failed login rolls back), and it needs no JTA transaction of its own. It commits without waiting for its WAL to reach the disk ({@code synchronous_commit = off}): a counter
 * may lose its last hits if the database crashes, and in exchange the hits of one address (everyone behind one NAT
 * or proxy) do not queue behind each other's disk flush while they hold the counter's row.
 */
@ApplicationScoped
public class RateLimits {

    private static final String HIT = """
            INSERT INTO rate_limit_counter AS c (bucket, subject, window_start, hits)
            SELECT ?, ?, now(), 1 FROM (SELECT set_config('synchronous_commit', 'off', true)) asynchronous
            ON CONFLICT (bucket, subject) DO UPDATE SET
              window_start = CASE WHEN c.window_start <= now() - ? * interval '1 millisecond' THEN now() ELSE c.window_start END,
              hits = CASE WHEN c.window_start <= now() - ? * interval '1 millisecond' THEN 1 ELSE c.hits + 1 END
            RETURNING c.hits, ceil(extract(epoch FROM (c.window_start + ? * interval '1 millisecond' - now())))
            """;

    private static final String REFUND = """
            UPDATE rate_limit_counter SET hits = hits - 1 WHERE bucket = ? AND subject = ? AND hits > 0
            """;

    private final AgroalDataSource dataSource;

    RateLimits(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Counts one hit for {@code subject} in {@code bucket}; throws 429 when it is over {@code limit} in the
     * current window.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void hit(String bucket, String subject, int limit, Duration window) {
        long windowMillis = window.toMillis();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(HIT)) {
            statement.setString(1, bucket);
            statement.setString(2, subject);
            statement.setLong(3, windowMillis);
            statement.setLong(4, windowMillis);
            statement.setLong(5, windowMillis);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                int hits = rs.getInt(1);
                long retryAfter = Math.max(1, rs.getLong(2));
                if (hits > limit) {
                    throw new RateLimitedException(retryAfter);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("rate limit check failed", e);
        }
    }

    /** Takes back one hit that turned out not to count (a login whose password was right). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refund(String bucket, String subject) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(REFUND)) {
            statement.setString(1, bucket);
            statement.setString(2, subject);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("rate limit refund failed", e);
        }
    }

    /** Windows are at most a day long; older counters are dead weight. Idempotent, so every instance may run it. */
    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purgeExpired() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "DELETE FROM rate_limit_counter WHERE window_start < now() - interval '1 day'")) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("rate limit purge failed", e);
        }
    }
}
