package com.acme.shop.platform;

import io.netty.util.NetUtil;
import java.util.Arrays;

/**
 * One entry of {@code SHOP_TRUSTED_PROXIES}: an IPv4 or IPv6 address, or a CIDR range ({@code 10.0.0.0/8},
 * {@code fd00::/8}). Parsed once, when the configuration is loaded: a malformed entry stops start-up with a
 * message naming it ({@link Converter}, whose message SmallRye Config prints as it is).
 */
public final class AddressRange {

    private final byte[] network;
    private final int prefix;
    private final String text;

    private AddressRange(byte[] network, int prefix, String text) {
        this.network = network;
        this.prefix = prefix;
        this.text = text;
    }

    public static AddressRange of(String value) {
        String text = value == null ? "" : value.trim();
        int slash = text.indexOf('/');
        byte[] address = literal(slash < 0 ? text : text.substring(0, slash));
        if (address == null) {
            throw malformed(text);
        }
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String length = text.substring(slash + 1);
            if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > bits) {
                throw malformed(text);
            }
            prefix = Integer.parseInt(length);
        }
        return new AddressRange(mask(address, prefix), prefix, text);
    }

    private static IllegalArgumentException malformed(String text) {
        return new IllegalArgumentException("SHOP_TRUSTED_PROXIES: '" + text
                + "' is not an IPv4/IPv6 address or CIDR range (for example 10.0.0.0/8, 35.191.0.0/16, ::1, fd00::/8)");
    }

    public boolean contains(byte[] address) {
        return address.length == network.length && Arrays.equals(mask(address, prefix), network);
    }

    /**
     * An address literal as bytes (4 for IPv4, 16 for IPv6; an IPv4-mapped IPv6 address counts as IPv4), or
     * {@code null} when the text is not one. Never a DNS lookup: the text may come from a client's header.
     */
    static byte[] literal(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(text);
        if (bytes == null) {
            return null;
        }
        if (bytes.length == 16 && isIpv4Mapped(bytes)) {
            return Arrays.copyOfRange(bytes, 12, 16);
        }
        return bytes;
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    static byte[] mask(byte[] address, int prefix) {
        byte[] masked = address.clone();
        for (int bit = prefix; bit < masked.length * 8; bit++) {
            masked[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return masked;
    }

    /** The configuration converter (an explicit one: the implicit {@code of} converter hides the message). */
    public static final class Converter implements org.eclipse.microprofile.config.spi.Converter<AddressRange> {
        @Override
        public AddressRange convert(String value) {
            return AddressRange.of(value);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
