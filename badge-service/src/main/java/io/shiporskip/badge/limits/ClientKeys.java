package io.shiporskip.badge.limits;

import io.netty.util.NetUtil;

/**
 * The granularity caps count at, so that an attacker cannot multiply "clients" by rotating addresses they hold
 * anyway: a client is an IPv4 address or an IPv6 /64 (what one subscriber line gets); a network is an IPv4 /24 or
 * an IPv6 /48 (one site's allocation). An IPv4-mapped IPv6 address is its IPv4 address. Anything that is no literal
 * address (e.g. "unknown") is its own key.
 */
public final class ClientKeys {

    private ClientKeys() {
    }

    /** The per-client key: the IPv4 address, or the IPv6 /64 prefix. */
    public static String client(String address) {
        return key(address, 32, 64);
    }

    /** The per-network key: the IPv4 /24, or the IPv6 /48. */
    public static String network(String address) {
        return key(address, 24, 48);
    }

    private static String key(String address, int v4Bits, int v6Bits) {
        if (address == null || address.isEmpty()) {
            return "";
        }
        byte[] bytes = Networks.literalBytes(address);
        if (bytes == null) {
            return address;
        }
        int bits = bytes.length == 4 ? v4Bits : v6Bits;
        if (bytes.length == 4 && bits == 32) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        for (int i = bits / 8; i < bytes.length; i++) {
            bytes[i] = 0; // bits is a multiple of 8 for every key above
        }
        return NetUtil.bytesToIpAddress(bytes) + "/" + bits;
    }
}
