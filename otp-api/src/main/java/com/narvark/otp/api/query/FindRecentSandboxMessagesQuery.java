package com.narvark.otp.api.query;

/**
 * The newest {@code limit} messages the sandbox carrier received for an account, newest first, as
 * {@code List<SandboxMessageView>}: how the developer portal's operator page shows the sign-in codes it sent while
 * email runs on the sandbox, without reading otp-delivery's tables.
 */
public record FindRecentSandboxMessagesQuery(String accountId, int limit) {
}
