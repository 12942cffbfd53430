package com.narvark.otp.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NetworkGuardTest {

    private final NetworkGuard strict = new NetworkGuard(List.of());
    private final NetworkGuard loopbackAllowed = new NetworkGuard(List.of(Cidr.parse("127.0.0.0/8"),
            Cidr.parse("::1/128")));

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/", "http://localhost/", "http://[::1]/", "http://10.0.0.1/",
            "http://169.254.169.254/latest/meta-data/", "http://0x7f000001/", "http://[::ffff:127.0.0.1]/",
            "http://2130706433/", "http://0177.0.0.1/", "http://127.1/", "http://0.0.0.0/", "http://[::]/",
            "http://172.16.5.4/", "http://192.168.0.1/", "http://100.64.0.1/", "http://224.0.0.1/",
            "http://255.255.255.255/", "http://[fd00:ec2::254]/", "http://[fe80::1]/", "http://[ff02::1]/",
            "http://[64:ff9b::7f00:1]/", "http://[::127.0.0.1]/", "http://nothing.invalid/",
            "ftp://93.184.215.14/", "file:///etc/passwd"})
    void shouldRefuseTheUrlWhenItLeadsToANonPublicAddress(String url) {
        assertThatThrownBy(() -> strict.resolve(URI.create(url))).isInstanceOf(RefusedAddressException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.215.14/hook", "http://8.8.8.8:8080/x", "https://[2606:4700::1111]/"})
    void shouldAcceptTheUrlWhenItIsAPublicAddress(String url) throws Exception {
        assertThat(strict.resolve(URI.create(url))).isNotNull();
    }

    @Test
    void shouldAcceptLoopbackOnlyWhenTheAllowlistContainsIt() throws Exception {
        assertThat(loopbackAllowed.resolve(URI.create("http://127.0.0.1:9/"))).isEqualTo(
                InetAddress.getByName("127.0.0.1"));
        assertThat(loopbackAllowed.isPermitted(InetAddress.getByName("::ffff:127.0.0.1"))).isTrue();
        assertThat(loopbackAllowed.isPermitted(InetAddress.getByName("10.0.0.1"))).isFalse();
        assertThat(loopbackAllowed.isPermitted(InetAddress.getByName("169.254.169.254"))).isFalse();
    }

    @Test
    void shouldMatchOnlyTheBlockWhenACidrIsParsed() throws Exception {
        Cidr block = Cidr.parse("172.16.0.0/12");

        assertThat(block.contains(InetAddress.getByName("172.31.255.255").getAddress())).isTrue();
        assertThat(block.contains(InetAddress.getByName("172.32.0.0").getAddress())).isFalse();
        assertThat(block.contains(InetAddress.getByName("::1").getAddress())).isFalse();
        assertThatThrownBy(() -> Cidr.parse("localhost/8")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
    }
}
