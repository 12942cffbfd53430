package com.narvark.otp.webhooks;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The SSRF guard: webhook URLs must be http(s) and every address their host resolves to must be public. Loopback,
 * private, shared (CGNAT), link-local (cloud metadata), multicast, reserved, documentation and unspecified blocks
 * are refused unless a configured allowlist block contains the address (local development and tests only).
 */
final class NetworkGuard {

    private static final List<Cidr> REFUSED = Arrays.stream(new String[] {
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15",
            "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "::/96", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001:db8::/32",
            "2002::/16", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8"}).map(Cidr::parse).toList();
    // Hosts made only of numbers (decimal, octal or hex parts) that are not a plain dotted quad: 0x7f000001,
    // 2130706433, 0177.0.0.1. Resolvers disagree on what they mean, so none is accepted.
    private static final Pattern NUMERIC_PART = Pattern.compile("(0x[0-9a-f]*|[0-9]+)");
    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])";
    private static final Pattern DOTTED_QUAD = Pattern.compile("(" + OCTET + "\\.){3}" + OCTET);

    private final List<Cidr> allowed;

    NetworkGuard(List<Cidr> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** Resolves a URL's host once and answers the address to connect to, or throws when any address is refused. */
    InetAddress resolve(URI url) throws RefusedAddressException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedAddressException("only http and https URLs are accepted");
        }
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            throw new RefusedAddressException("the URL has no host");
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (isAmbiguousNumber(bare.toLowerCase(Locale.ROOT))) {
            throw new RefusedAddressException("numeric hosts must be plain dotted IPv4 addresses");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            throw new RefusedAddressException("the host does not resolve");
        }
        for (InetAddress address : addresses) {
            check(address);
        }
        return addresses[0];
    }

    void check(InetAddress address) throws RefusedAddressException {
        if (!isPermitted(address)) {
            throw new RefusedAddressException("the host resolves to a non-public address");
        }
    }

    boolean isPermitted(InetAddress address) {
        byte[] bytes = address.getAddress();
        byte[] embedded = embeddedIpv4(address);
        for (Cidr block : allowed) {
            if (block.contains(bytes) || embedded != null && block.contains(embedded)) {
                return true;
            }
        }
        for (Cidr block : REFUSED) {
            if (block.contains(bytes) || embedded != null && block.contains(embedded)) {
                return false;
            }
        }
        return !address.isAnyLocalAddress() && !address.isLoopbackAddress() && !address.isLinkLocalAddress()
                && !address.isSiteLocalAddress() && !address.isMulticastAddress();
    }

    /** The IPv4 address inside an IPv4-mapped, -compatible or NAT64 IPv6 address, judged like the IPv4 itself. */
    private static byte[] embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return null;
        }
        byte[] bytes = address.getAddress();
        boolean mapped = allZero(bytes, 0, 10) && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
        boolean compatible = allZero(bytes, 0, 12);
        boolean nat64 = bytes[0] == 0 && (bytes[1] & 0xff) == 0x64 && (bytes[2] & 0xff) == 0xff
                && (bytes[3] & 0xff) == 0x9b && allZero(bytes, 4, 12);
        return mapped || compatible || nat64 ? Arrays.copyOfRange(bytes, 12, 16) : null;
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAmbiguousNumber(String host) {
        String[] parts = host.split("\\.", -1);
        for (String part : parts) {
            if (!NUMERIC_PART.matcher(part).matches()) {
                return false;
            }
        }
        return !DOTTED_QUAD.matcher(host).matches();
    }
}
