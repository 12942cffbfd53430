package com.narvark.otp.api.message;

import java.util.HashMap;
import java.util.Map;

/**
 * The message language a phone number's country gets when a send names none. Only countries where one supported
 * language is what most people read day to day; the rest (Switzerland, Belgium, Canada, most of Africa…) use the
 * account's default language, which the customer knows better than a numbering plan does.
 */
final class CountryLanguages {

    static final Map<String, String> BY_REGION = build();

    private CountryLanguages() {
    }

    private static Map<String, String> build() {
        Map<String, String> map = new HashMap<>();
        put(map, "es", "ES", "MX", "AR", "CO", "CL", "PE", "VE", "EC", "GT", "CU", "BO", "DO", "HN", "PY", "SV",
                "NI", "CR", "PA", "UY", "PR", "GQ");
        put(map, "pt-BR", "BR", "PT", "AO", "MZ", "CV", "GW", "ST");
        put(map, "fr", "FR", "MC", "SN", "CI", "ML", "BF", "NE", "GN", "BJ", "TG", "GA", "CG", "CD", "MG");
        put(map, "de", "DE", "AT", "LI");
        put(map, "it", "IT", "SM", "VA");
        put(map, "nl", "NL", "SR");
        put(map, "tr", "TR");
        put(map, "ru", "RU", "BY", "KZ", "KG");
        put(map, "ar", "SA", "AE", "EG", "IQ", "JO", "KW", "LB", "LY", "OM", "QA", "SY", "YE", "BH", "SD", "PS",
                "MR");
        put(map, "hi", "IN");
        put(map, "id", "ID");
        put(map, "ja", "JP");
        put(map, "zh-CN", "CN");
        put(map, "en", "US", "GB", "IE", "AU", "NZ", "GG", "JE", "IM");
        return Map.copyOf(map);
    }

    private static void put(Map<String, String> map, String language, String... regions) {
        for (String region : regions) {
            map.put(region, language);
        }
    }
}
