package com.acme.shop.promotion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DiscountsTest {

    @Test
    void aPercentIsRoundedHalfUpOnceForTheOrderNotPerLine() {
        // 3 lines of 5 cents at 10 %: 0.5 each; rounded per line 3 cents, once for the order (1.5) 2 cents.
        long[] shares = Discounts.split("percent", 1000, new long[] {5, 5, 5}, new boolean[] {true, true, true});
        assertEquals(2, shares[0] + shares[1] + shares[2]);
        assertArrayEquals(new long[] {1, 1, 0}, shares, "largest remainders, ties to the earlier line");
        assertArrayEquals(new long[] {125}, Discounts.split("percent", 1250, new long[] {1000}, new boolean[] {true}));
        assertArrayEquals(new long[] {1}, Discounts.split("percent", 5000, new long[] {1}, new boolean[] {true}),
                "0.5 rounds up");
    }

    @Test
    void aFixedDiscountNeverExceedsTheEligibleSubtotalAndSkipsOtherLines() {
        assertArrayEquals(new long[] {300, 0, 700},
                Discounts.split("fixed", 5000, new long[] {300, 900, 700}, new boolean[] {true, false, true}));
        assertArrayEquals(new long[] {333, 667},
                Discounts.split("fixed", 1000, new long[] {1000, 2000}, new boolean[] {true, true}));
        assertArrayEquals(new long[] {0, 0}, Discounts.split("free_shipping", 0, new long[] {10, 20}, new boolean[] {true, true}));
    }

    /** Over many random carts: the shares add up to the order's discount, none exceeds its line or touches another. */
    @Test
    void sharesAddUpToTheCentOverRandomCarts() {
        Random random = new Random(17);
        for (int run = 0; run < 20_000; run++) {
            int n = 1 + random.nextInt(8);
            long[] totals = new long[n];
            boolean[] eligible = new boolean[n];
            long base = 0;
            for (int i = 0; i < n; i++) {
                long unit = random.nextInt(4) == 0 ? random.nextInt(10) : random.nextInt(200_000);
                totals[i] = unit * (1 + random.nextInt(99));
                eligible[i] = random.nextInt(3) > 0;
                base += eligible[i] ? totals[i] : 0;
            }
            boolean percent = random.nextBoolean();
            long value = percent ? 1 + random.nextInt(10_000) : 1 + random.nextInt(random.nextBoolean() ? 1_000 : 10_000_000);
            long[] shares = Discounts.split(percent ? "percent" : "fixed", value, totals, eligible);
            long sum = 0;
            for (int i = 0; i < n; i++) {
                assertTrue(shares[i] >= 0 && shares[i] <= totals[i], "share within its line");
                if (!eligible[i]) {
                    assertEquals(0, shares[i]);
                }
                sum += shares[i];
            }
            long expected = percent ? (base * value + 5_000) / 10_000 : Math.min(value, base);
            assertEquals(expected, sum, "the order's discount, rounded once");
            assertTrue(sum <= base, "never more than the eligible subtotal");
        }
    }
}
