package com.narvark.accounts;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which client a request counts against for the access form's and the credential throttle's limits. An IPv4 address is one client; an IPv6 client
 * usually holds a whole /64 (one home or office line, SLAAC and privacy addresses inside it), so counting per /128
 * would let it take 2^64 fresh addresses. IPv4-mapped IPv6 (::ffff:a.b.c.d, a dual-stack socket) is the IPv4 address.
 */
public final class ClientNetworks {

    private ClientNetworks() {
    }

    /** {@code 192.0.2.7} for IPv4, {@code 2001:db8:1:2::/64} for IPv6; anything unparsable as it came. */
    public static String of(String remoteAddress) {
        String literal = remoteAddress == null ? "" : remoteAddress.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        // Literals only (an IPv6 one has a colon, an IPv4 one four numbers): getByName would look a name up in DNS.
        if (!literal.matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*") && !literal.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return remoteAddress == null ? "" : remoteAddress;
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            return remoteAddress;
        }
        // Java answers IPv4-mapped IPv6 literals with an Inet4Address already.
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            StringBuilder prefix = new StringBuilder();
            for (int group = 0; group < 4; group++) {
                int value = ((bytes[2 * group] & 0xff) << 8) | (bytes[2 * group + 1] & 0xff);
                prefix.append(Integer.toHexString(value)).append(':');
            }
            return prefix.append(":/64").toString().toLowerCase(Locale.ROOT);
        }
        return remoteAddress;
    }
}
