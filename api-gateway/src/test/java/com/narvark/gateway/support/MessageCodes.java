package com.narvark.gateway.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the code in a message as a person would, in any language: a line of its own (email), else the first number
 * of 4 to 8 digits, written together (SMS: "539839 is your…") or spaced digit by digit (voice).
 */
public final class MessageCodes {

    private static final Pattern OWN_LINE = Pattern.compile("(?m)^([0-9]{4,8})\\r?$");
    private static final Pattern INLINE = Pattern.compile("(?<![0-9])([0-9](?: [0-9]){3,7}|[0-9]{4,8})(?![0-9])");

    private MessageCodes() {
    }

    public static String in(String text) {
        Matcher line = OWN_LINE.matcher(text);
        if (line.find()) {
            return line.group(1);
        }
        Matcher inline = INLINE.matcher(text);
        if (!inline.find()) {
            throw new IllegalStateException("no code in: " + text);
        }
        return inline.group(1).replace(" ", "");
    }
}
