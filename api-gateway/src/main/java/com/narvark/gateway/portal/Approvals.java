package com.narvark.gateway.portal;

import com.narvark.gateway.account.AccountService;
import com.narvark.gateway.account.AccountService.IssuedKey;
import com.narvark.gateway.account.AccountService.NewAccount;
import com.narvark.gateway.portal.AccessRequests.AccessRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Comparator;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operator's decisions. Approving creates the account with a test key and an inactive live key, makes the
 * requester a console member, seals both keys behind a one-time link and audits it, all in one transaction.
 */
@Service
class Approvals {

    private final AccessRequests requests;
    private final AccountService accounts;
    private final KeyReveals reveals;
    private final PortalAudit audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    Approvals(AccessRequests requests, AccountService accounts, KeyReveals reveals, PortalAudit audit,
              JdbcClient jdbc, Clock clock) {
        this.requests = requests;
        this.accounts = accounts;
        this.reveals = reveals;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Approved(AccessRequest request, String accountId, String revealToken) {
    }

    /** Empty when the request is unknown or was already decided (a double click approves once). */
    @Transactional
    Optional<Approved> approve(String requestId, String operator) {
        Optional<AccessRequest> pending = requests.pending(requestId);
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        NewAccount account = accounts.createAccount(pending.get().company(), false);
        AccessRequest decided = requests.decide(requestId, "approved", operator, null, account.accountId())
                .orElseThrow();
        jdbc.sql("""
                INSERT INTO portal_members (email, account_id, created_at) VALUES (?, ?, ?)
                ON CONFLICT (email) DO UPDATE SET account_id = EXCLUDED.account_id
                """)
                .params(decided.email(), account.accountId(), Timestamp.from(clock.instant())).update();
        // Test key first, then live: the reveal page shows them in this order.
        String token = reveals.create(account.accountId(), account.keys().stream()
                .sorted(Comparator.comparing((IssuedKey k) -> k.key().livemode()))
                .map(IssuedKey::secret).toList());
        audit.record(operator, "request_approved", requestId, "account " + account.accountId() + " created; keys "
                + account.keys().stream().map(k -> k.key().keyId()).toList() + " issued (live inactive)");
        return Optional.of(new Approved(decided, account.accountId(), token));
    }

    @Transactional
    boolean reject(String requestId, String operator, String reason) {
        boolean rejected = requests.decide(requestId, "rejected", operator, reason, null).isPresent();
        if (rejected) {
            audit.record(operator, "request_rejected", requestId, reason);
        }
        return rejected;
    }

    /** Enables an approved account's inactive live key. */
    @Transactional
    boolean enableLive(String keyId, String operator) {
        int updated = jdbc.sql("""
                UPDATE api_keys SET active = TRUE
                WHERE key_id = ? AND livemode AND NOT active AND revoked_at IS NULL
                """).param(keyId).update();
        if (updated == 1) {
            audit.record(operator, "live_key_enabled", keyId, null);
        }
        return updated == 1;
    }
}
