package com.narvark.otp.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.otp.api.Destination;
import org.junit.jupiter.api.Test;

class DestinationCountryTest {

    private static String country(String phone) {
        return DestinationCountry.of(new Destination(Destination.Kind.PHONE, phone));
    }

    @Test
    void shouldNameTheCountryOfTheNumberingPlanWhenThePhoneIsKnown() {
        assertThat(country("+447400123456")).isEqualTo("GB");
        assertThat(country("+447911123456")).isEqualTo("GG");
        assertThat(country("+33612345678")).isEqualTo("FR");
        assertThat(country("+4915112345678")).isEqualTo("DE");
    }

    @Test
    void shouldFallBackToTheCallingCodesCountryWhenTheRangeIsUnknown() {
        assertThat(country("+447700900123")).isEqualTo("GB");
    }

    @Test
    void shouldHaveNoCountryWhenTheDestinationIsAnEmailOrBelongsToNoCountry() {
        assertThat(DestinationCountry.of(new Destination(Destination.Kind.EMAIL, "jane@example.com"))).isNull();
        assertThat(country("+80012345678")).isNull();
        assertThat(country("not a number")).isNull();
    }
}
