package com.acme.shop.platform;

import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * The one owner of "who is the client" (rate limits ask here). Behind proxies listed in
 * {@code SHOP_TRUSTED_PROXIES}, the client is the right-most {@code X-Forwarded-For} entry that is not itself a
 * trusted proxy: each trusted hop appends the address it saw, so that entry was written by a proxy we trust,
 * while anything to its left came from the client and may be invented. Without a trusted peer the header is
 * ignored and the client is the socket peer. Quarkus's own {@code quarkus.http.proxy.*} forwarding stays off:
 * it believes the left-most entry, the one a client controls.
 *
 * <p>IPv6 clients are keyed by their /64: one subscriber commonly holds a whole /64 and could otherwise
 * rotate addresses to get a fresh budget per request.
 */
@ApplicationScoped
public class ClientAddresses {

    private final List<AddressRange> trusted;

    @Inject
    ClientAddresses(HttpConfig config) {
        this(config.trustedProxies().orElse(List.of()));
    }

    ClientAddresses(List<AddressRange> trusted) {
        this.trusted = List.copyOf(trusted);
    }

    /** The key a per-client budget is counted under: the IPv4 address, or the IPv6 /64 prefix. */
    public String rateLimitKey(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return rateLimitKey(peer, request.headers().getAll("X-Forwarded-For"));
    }

    String rateLimitKey(String peer, List<String> forwardedFor) {
        byte[] client = client(peer, forwardedFor);
        if (client == null) {
            return "unknown";
        }
        if (client.length == 16) {
            return NetUtil.bytesToIpAddress(AddressRange.mask(client, 64)) + "/64";
        }
        return NetUtil.bytesToIpAddress(client);
    }

    private byte[] client(String peer, List<String> forwardedFor) {
        byte[] hop = AddressRange.literal(peer);
        if (hop == null || !isTrusted(hop) || forwardedFor == null) {
            return hop;
        }
        List<String> entries = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String entry : header.split(",")) {
                entries.add(entry.trim());
            }
        }
        for (int i = entries.size() - 1; i >= 0; i--) {
            byte[] entry = AddressRange.literal(withoutPort(entries.get(i)));
            if (entry == null) {
                // Not an address where a trusted proxy should have written one: count the request against the
                // nearest hop we know, never against a name the client can vary.
                return hop;
            }
            hop = entry;
            if (!isTrusted(entry)) {
                return entry;
            }
        }
        return hop; // every hop is a trusted proxy: the farthest one is the best we know
    }

    private boolean isTrusted(byte[] address) {
        for (AddressRange range : trusted) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** {@code 203.0.113.7:4711} and {@code [2001:db8::1]:4711}, as some proxies write them, to the address. */
    private static String withoutPort(String entry) {
        if (entry.startsWith("[")) {
            int end = entry.indexOf(']');
            return end < 0 ? entry : entry.substring(1, end);
        }
        int colon = entry.indexOf(':');
        if (colon > 0 && colon == entry.lastIndexOf(':')) {
            return entry.substring(0, colon);
        }
        return entry;
    }
}
