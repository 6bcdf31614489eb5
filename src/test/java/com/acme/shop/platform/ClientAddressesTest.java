package com.acme.shop.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The resolver alone; TrustedProxyRateLimitTest and IpRateLimitTest check it through real requests. */
class ClientAddressesTest {

    private static ClientAddresses trusting(String... ranges) {
        return new ClientAddresses(Stream.of(ranges).map(AddressRange::of).toList());
    }

    @Test
    void withoutTrustedProxiesTheSocketPeerIsTheClient() {
        assertEquals("198.51.100.4", trusting().rateLimitKey("198.51.100.4", List.of("203.0.113.9")));
        assertEquals("198.51.100.4", trusting("10.0.0.0/8").rateLimitKey("198.51.100.4", List.of("203.0.113.9")));
    }

    @Test
    void theRightMostEntryThatIsNotATrustedProxyIsTheClient() {
        ClientAddresses clients = trusting("10.0.0.0/8", "127.0.0.1");
        assertEquals("203.0.113.9", clients.rateLimitKey("127.0.0.1", List.of("203.0.113.9, 10.1.2.3")));
        assertEquals("203.0.113.9", clients.rateLimitKey("127.0.0.1", List.of("6.6.6.6, 203.0.113.9, 10.1.2.3")));
        // the same chain split over several headers, and an entry with a port
        assertEquals("203.0.113.9", clients.rateLimitKey("10.0.0.1", List.of("6.6.6.6", "203.0.113.9:4711")));
        assertEquals("127.0.0.1", clients.rateLimitKey("127.0.0.1", List.of()));
        // every hop trusted: the farthest one
        assertEquals("10.9.9.9", clients.rateLimitKey("127.0.0.1", List.of("10.9.9.9, 10.1.1.1")));
        // garbage where a trusted proxy writes an address: the nearest known hop, not the garbage
        assertEquals("10.1.1.1", clients.rateLimitKey("127.0.0.1", List.of("203.0.113.9, nonsense, 10.1.1.1")));
    }

    @Test
    void ipv6ClientsAreCountedPerSlash64() {
        ClientAddresses clients = trusting("::1", "fd00::/8");
        String one = clients.rateLimitKey("::1", List.of("2001:db8:1:2::1"));
        String other = clients.rateLimitKey("fd00::5", List.of("[2001:db8:1:2:ffff:ffff:ffff:ffff]:443, fd00::7"));
        assertEquals("2001:db8:1:2::/64", one);
        assertEquals(one, other);
        assertEquals("2001:db8:1:3::/64", clients.rateLimitKey("::1", List.of("2001:db8:1:3::1")));
        assertEquals("2001:db8::/64", trusting().rateLimitKey("2001:db8::abcd", List.of()));
        // an IPv4 client seen on a dual-stack socket is still an IPv4 client
        assertEquals("192.0.2.1", trusting().rateLimitKey("::ffff:192.0.2.1", List.of()));
    }

    @Test
    void rangesMatchByPrefix() {
        AddressRange google = AddressRange.of("35.191.0.0/16");
        assertTrue(google.contains(AddressRange.literal("35.191.200.1")));
        assertTrue(!google.contains(AddressRange.literal("35.192.0.1")));
        assertTrue(!google.contains(AddressRange.literal("::1")));
        assertTrue(AddressRange.of("0.0.0.0/0").contains(AddressRange.literal("8.8.8.8")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "10.0.0/8", "example.com", "10.0.0.0/", "::1/129", "10.0.0.0/-1", "1.2.3.4.5"})
    void aMalformedEntryIsRefusedNamingIt(String entry) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> AddressRange.of(entry));
        assertTrue(refused.getMessage().contains("'" + entry + "'"), refused.getMessage());
        assertTrue(refused.getMessage().contains("SHOP_TRUSTED_PROXIES"), refused.getMessage());
    }

    @Test
    void aMalformedTrustedProxiesValueStopsStartUp() {
        // The same mapping Quarkus loads at start-up: loading it is what fails.
        RuntimeException refused = assertThrows(RuntimeException.class, () -> new SmallRyeConfigBuilder()
                .withMapping(HttpConfig.class)
                .withConverter(MemorySize.class, 100, new MemorySizeConverter())
                .withDefaultValue("shop.http.trusted-proxies", "127.0.0.1,35.191.0.0/16,not-an-address")
                .build());
        // what start-up prints: the property, and which entry is wrong and why
        assertTrue(refused.getMessage().contains("SHOP_TRUSTED_PROXIES: 'not-an-address' is not an IPv4/IPv6 address"),
                refused.getMessage());
        HttpConfig good = new SmallRyeConfigBuilder().withMapping(HttpConfig.class)
                .withConverter(MemorySize.class, 100, new MemorySizeConverter())
                .withDefaultValue("shop.http.trusted-proxies", "127.0.0.1, ::1, 35.191.0.0/16").build()
                .getConfigMapping(HttpConfig.class);
        assertEquals(3, good.trustedProxies().orElseThrow().size());
    }
}
