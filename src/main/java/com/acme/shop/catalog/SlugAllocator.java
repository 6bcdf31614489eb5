package com.acme.shop.catalog;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Hands out derived slugs that clash with nothing already taken: {@code base}, then {@code base-2},
 * {@code base-3}... Remembers where each base got to, so 10,000 products named alike cost linear time.
 */
final class SlugAllocator {

    private final Set<String> taken;
    private final Map<String, Integer> next = new HashMap<>();

    SlugAllocator(Set<String> taken) {
        this.taken = taken;
    }

    String allocate(String base) {
        int n = next.getOrDefault(base, 1);
        while (taken.contains(Slugs.candidate(base, n))) {
            n++;
        }
        String slug = Slugs.candidate(base, n);
        taken.add(slug);
        next.put(base, n + 1);
        return slug;
    }

    /** Slugs found taken in the database since this allocator was made. */
    void addTaken(Set<String> more) {
        taken.addAll(more);
    }

    /** A slug chosen by the caller (an explicit one) is no longer free for derivation. */
    void reserve(String slug) {
        taken.add(slug);
    }
}
