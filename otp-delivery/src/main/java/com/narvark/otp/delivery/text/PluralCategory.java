package com.narvark.otp.delivery.text;

/**
 * CLDR plural categories of whole numbers, for the supported languages only: enough to say "1 minute", "5 minut"
 * and "2 دقيقتين" correctly without a full plural-rules library. A language missing here counts like English.
 */
final class PluralCategory {

    private PluralCategory() {
    }

    static String of(String language, long n) {
        return switch (language) {
            case "ja", "zh", "id" -> "other";
            case "fr", "pt", "hi" -> n == 0 || n == 1 ? "one" : "other";
            case "ru" -> russian(n);
            case "ar" -> arabic(n);
            default -> n == 1 ? "one" : "other";
        };
    }

    private static String russian(long n) {
        long units = n % 10;
        long tens = n % 100;
        if (units == 1 && tens != 11) {
            return "one";
        }
        if (units >= 2 && units <= 4 && (tens < 12 || tens > 14)) {
            return "few";
        }
        return "many";
    }

    private static String arabic(long n) {
        long tens = n % 100;
        if (n == 0) {
            return "zero";
        }
        if (n == 1) {
            return "one";
        }
        if (n == 2) {
            return "two";
        }
        if (tens >= 3 && tens <= 10) {
            return "few";
        }
        return tens >= 11 ? "many" : "other";
    }
}
