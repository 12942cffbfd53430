package com.narvark.otp.delivery.text;

/** An email OTP: its subject, its plain-text part and its HTML part. */
public record EmailContent(String subject, String text, String html) {
}
