package io.shiporskip.badge.limits;

import io.netty.util.NetUtil;
import java.util.ArrayList;
import java.util.List;

/**
 * A set of IPv4 and IPv6 networks in CIDR notation, matched against literal addresses only: a host name is never
 * resolved (this runs on the event loop), it simply does not match.
 */
public final class Networks {

    private final List<byte[]> prefixes = new ArrayList<>();
    private final List<Integer> lengths = new ArrayList<>();
    private final List<String> cidrs;

    private Networks(List<String> cidrs) {
        this.cidrs = List.copyOf(cidrs);
    }

    /** Parses each CIDR ("192.30.252.0/22", "2606:50c0::/32"; a bare address is a /32 or /128); throws on a malformed one. */
    public static Networks parse(List<String> cidrs) {
        List<String> cleaned = new ArrayList<>();
        for (String c : cidrs) {
            if (c != null && !c.isBlank()) {
                cleaned.add(c.trim());
            }
        }
        Networks n = new Networks(cleaned);
        for (String cidr : cleaned) {
            int slash = cidr.indexOf('/');
            byte[] address = NetUtil.createByteArrayFromIpAddressString(slash < 0 ? cidr : cidr.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("not an IP network in CIDR notation: " + cidr);
            }
            int bits = address.length * 8;
            int length = bits;
            if (slash >= 0) {
                try {
                    length = Integer.parseInt(cidr.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not an IP network in CIDR notation: " + cidr);
                }
                if (length < 0 || length > bits) {
                    throw new IllegalArgumentException("prefix length out of range in " + cidr);
                }
            }
            n.prefixes.add(address);
            n.lengths.add(length);
        }
        return n;
    }

    public List<String> cidrs() {
        return cidrs;
    }

    /** Whether the literal address (IPv4, IPv6, IPv4-mapped IPv6, optionally in brackets) is in one of the networks. */
    public boolean contains(String address) {
        if (address == null || address.isEmpty() || prefixes.isEmpty()) {
            return false;
        }
        byte[] bytes = literalBytes(address);
        if (bytes == null) {
            return false;
        }
        for (int i = 0; i < prefixes.size(); i++) {
            byte[] prefix = prefixes.get(i);
            if (prefix.length == bytes.length && matches(prefix, lengths.get(i), bytes)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The bytes of a literal address (optionally in brackets, with a zone), 4 for IPv4 and IPv4-mapped IPv6, 16 for
     * IPv6; null for anything that is no address literal. Never resolves a name.
     */
    static byte[] literalBytes(String address) {
        if (address == null || address.isEmpty()) {
            return null;
        }
        String a = address;
        if (a.charAt(0) == '[' && a.charAt(a.length() - 1) == ']') {
            a = a.substring(1, a.length() - 1);
        }
        int zone = a.indexOf('%');
        if (zone >= 0) {
            a = a.substring(0, zone);
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(a);
        if (bytes != null && bytes.length == 16 && isV4Mapped(bytes)) {
            bytes = new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]};
        }
        return bytes;
    }

    static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    private static boolean matches(byte[] prefix, int length, byte[] address) {
        int whole = length / 8;
        for (int i = 0; i < whole; i++) {
            if (prefix[i] != address[i]) {
                return false;
            }
        }
        int rest = length % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (prefix[whole] & mask) == (address[whole] & mask);
    }
}
