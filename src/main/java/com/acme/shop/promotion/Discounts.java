package com.acme.shop.promotion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The money of a promotion, in integer cents and nothing else: the order's discount is rounded once (half up, for a
 * percent), then split over the eligible lines by largest remainder, so the lines' shares add up to it to the cent and
 * none exceeds its line.
 */
final class Discounts {

    private Discounts() {
    }

    /** Each line's share of the discount, in the lines' order (0 for a line the promotion does not match). */
    static long[] split(String type, long value, long[] lineTotals, boolean[] eligible) {
        long[] shares = new long[lineTotals.length];
        long base = 0;
        for (int i = 0; i < lineTotals.length; i++) {
            if (eligible[i]) {
                base = Math.addExact(base, lineTotals[i]);
            }
        }
        if (base == 0) {
            return shares;
        }
        long total;
        long numerator;
        long denominator;
        switch (type) {
            case "percent" -> {
                total = Math.floorDiv(Math.addExact(Math.multiplyExact(base, value), 5_000L), 10_000L);
                numerator = value;
                denominator = 10_000L;
            }
            case "fixed" -> {
                total = Math.min(value, base);
                numerator = total;
                denominator = base;
            }
            default -> {
                return shares;
            }
        }
        // Each line's exact share is lineTotal * numerator / denominator: its floor first, then one cent more to the
        // lines with the largest remainders (ties: the earlier line) until the shares reach the total.
        long[] remainders = new long[lineTotals.length];
        long given = 0;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < lineTotals.length; i++) {
            if (!eligible[i]) {
                continue;
            }
            long product = Math.multiplyExact(lineTotals[i], numerator);
            shares[i] = Math.floorDiv(product, denominator);
            remainders[i] = Math.floorMod(product, denominator);
            given += shares[i];
            order.add(i);
        }
        order.sort((a, b) -> remainders[a] != remainders[b] ? Long.compare(remainders[b], remainders[a])
                : Integer.compare(a, b));
        long left = total - given;
        for (int k = 0; left > 0 && k < order.size(); k++) {
            int i = order.get(k);
            if (remainders[i] > 0) {
                shares[i]++;
                left--;
            }
        }
        if (left != 0) {
            throw new IllegalStateException("discount split does not add up: " + Arrays.toString(shares) + " for " + total);
        }
        return shares;
    }
}
