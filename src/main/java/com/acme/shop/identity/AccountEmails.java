package com.acme.shop.identity;

import com.acme.shop.platform.ApiException;
import com.acme.shop.platform.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** An account's email, read alone: what checkout needs of the signed-in buyer (one column, not the whole account). */
@ApplicationScoped
public class AccountEmails {

    private final Sql sql;

    AccountEmails(Sql sql) {
        this.sql = sql;
    }

    /** @throws ApiException 401 when the account no longer exists (its token outlived it) */
    public String of(UUID userId) {
        return sql.first("SELECT email FROM app_user WHERE id = ?", rs -> rs.getString(1), userId).orElseThrow(
                () -> new ApiException(401, "unauthorized", "Unauthorized", "The account no longer exists"));
    }
}
