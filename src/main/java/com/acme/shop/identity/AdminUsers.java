package com.acme.shop.identity;

import com.acme.shop.identity.dto.AdminUserDto;
import com.acme.shop.identity.dto.UserDto;
import com.acme.shop.platform.ApiException;
import com.acme.shop.platform.LikePatterns;
import com.acme.shop.platform.Page;
import com.acme.shop.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Accounts as the back office sees them. */
@ApplicationScoped
public class AdminUsers {

    private final IdentityRows rows;
    private final CustomerStats stats;

    AdminUsers(IdentityRows rows, CustomerStats stats) {
        this.rows = rows;
        this.stats = stats;
    }

    public Page<UserDto> list(String q, PageRequest page) {
        String pattern = q != null && !q.isBlank() ? LikePatterns.contains(q) : null;
        return Page.of(rows.users(pattern, page.offset(), page.size()).stream().map(UserDto::of).toList(), page,
                rows.countUsers(pattern));
    }

    public AdminUserDto get(UUID id) {
        User user = rows.user(id).orElseThrow(() -> ApiException.notFound("User"));
        CustomerStats.Stats s = stats.of(id);
        return AdminUserDto.of(user, s.orderCount(), s.totalSpentCents());
    }
}
