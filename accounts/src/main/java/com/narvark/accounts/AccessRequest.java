package com.narvark.accounts;

import java.time.Instant;
import java.util.List;

/** A stored access request; {@code accountId} is set once it was approved. */
public record AccessRequest(String requestId, String name, String company, String email, String volume,
                            List<String> channels, String useCase, String status, Instant createdAt,
                            String accountId) {
}
