package com.acme.shop.identity;

import com.acme.shop.identity.dto.AdminUserDto;
import com.acme.shop.identity.dto.UserDto;
import com.acme.shop.platform.ApiException;
import com.acme.shop.platform.LikePatterns;
import com.acme.shop.platform.Page;
import com.acme.shop.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.UUID;

/** Accounts as the back office sees them. */
@ApplicationScoped
public class AdminUsers {

    private final EntityManager em;
    private final CustomerStats stats;

    AdminUsers(EntityManager em, CustomerStats stats) {
        this.em = em;
        this.stats = stats;
    }

    public Page<UserDto> list(String q, PageRequest page) {
        boolean search = q != null && !q.isBlank();
        String where = search ? "u.email ilike :q escape '\\' or u.name ilike :q escape '\\'" : "1 = 1";
        TypedQuery<User> query = em.createQuery(
                "select u from User u where " + where + " order by u.createdAt desc, u.id desc", User.class);
        TypedQuery<Long> count = em.createQuery("select count(u) from User u where " + where, Long.class);
        if (search) {
            query.setParameter("q", LikePatterns.contains(q));
            count.setParameter("q", LikePatterns.contains(q));
        }
        return Page.of(query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList()
                .stream().map(UserDto::of).toList(), page, count.getSingleResult());
    }

    public AdminUserDto get(UUID id) {
        User user = User.findById(id);
        if (user == null) {
            throw ApiException.notFound("User");
        }
        CustomerStats.Stats s = stats.of(id);
        return AdminUserDto.of(user, s.orderCount(), s.totalSpentCents());
    }
}
