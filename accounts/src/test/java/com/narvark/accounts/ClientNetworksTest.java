package com.narvark.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientNetworksTest {

    @Test
    void shouldKeepTheWholeAddressWhenTheClientIsIpv4() {
        assertThat(ClientNetworks.of("192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(ClientNetworks.of("192.0.2.8")).isNotEqualTo(ClientNetworks.of("192.0.2.7"));
    }

    @Test
    void shouldGroupByTheSlash64WhenTheClientIsIpv6() {
        String network = ClientNetworks.of("2001:db8:1:2:aaaa:bbbb:cccc:dddd");
        assertThat(network).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientNetworks.of("2001:0DB8:0001:0002:0000:0000:0000:0001")).isEqualTo(network);
        assertThat(ClientNetworks.of("2001:db8:1:2::1")).isEqualTo(network);
        assertThat(ClientNetworks.of("[2001:db8:1:2::ffff]")).isEqualTo(network);
        assertThat(ClientNetworks.of("fe80::1%eth0")).isEqualTo("fe80:0:0:0::/64");
        assertThat(ClientNetworks.of("2001:db8:1:3::1")).isNotEqualTo(network);
        assertThat(ClientNetworks.of("::1")).isEqualTo("0:0:0:0::/64");
    }

    @Test
    void shouldCountTheIpv4AddressWhenIpv6CarriesAMappedIpv4Address() {
        assertThat(ClientNetworks.of("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(ClientNetworks.of("::ffff:c000:207")).isEqualTo("192.0.2.7");
        assertThat(ClientNetworks.of("0:0:0:0:0:ffff:192.0.2.8")).isEqualTo("192.0.2.8");
    }

    @Test
    void shouldLeaveTheValueAsItCameWhenItIsNoAddressLiteral() {
        // Never a DNS lookup: a name stays a name (it then counts as a client of its own).
        assertThat(ClientNetworks.of("deadbeef")).isEqualTo("deadbeef");
        assertThat(ClientNetworks.of("localhost")).isEqualTo("localhost");
        assertThat(ClientNetworks.of("")).isEmpty();
        assertThat(ClientNetworks.of(null)).isEmpty();
    }
}
