package com.narvark.accounts;

import com.narvark.accounts.Accounts.IssuedKey;
import com.narvark.accounts.Accounts.NewAccount;
import java.util.Comparator;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operator's decisions. Approving creates the account with a test key and an inactive live key, makes the
 * requester a console member, seals both keys behind a one-time link and audits it, all in one transaction.
 */
@Service
public class Approvals {

    private final AccessRequests requests;
    private final Accounts accounts;
    private final ApiKeyStore keys;
    private final KeyReveals reveals;
    private final PortalMembers members;
    private final AuditTrail audit;

    Approvals(AccessRequests requests, Accounts accounts, ApiKeyStore keys, KeyReveals reveals,
              PortalMembers members, AuditTrail audit) {
        this.requests = requests;
        this.accounts = accounts;
        this.keys = keys;
        this.reveals = reveals;
        this.members = members;
        this.audit = audit;
    }

    /** {@code revealToken}: the one-time link's token; only its hash is stored. */
    public record Approved(AccessRequest request, String accountId, String revealToken) {
    }

    /** Empty when the request is unknown or was already decided (a double click approves once). */
    @Transactional
    public Optional<Approved> approve(String requestId, String operator) {
        Optional<AccessRequest> pending = requests.pending(requestId);
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        NewAccount account = accounts.createAccount(pending.get().company(), false);
        AccessRequest decided = requests.decide(requestId, "approved", operator, null, account.accountId())
                .orElseThrow();
        members.add(decided.email(), account.accountId());
        // Test key first, then live: the reveal page shows them in this order.
        String token = reveals.create(account.accountId(), account.keys().stream()
                .sorted(Comparator.comparing((IssuedKey k) -> k.key().livemode()))
                .map(IssuedKey::secret).toList());
        audit.record(operator, "request_approved", requestId, "account " + account.accountId() + " created; keys "
                + account.keys().stream().map(k -> k.key().keyId()).toList() + " issued (live inactive)");
        return Optional.of(new Approved(decided, account.accountId(), token));
    }

    @Transactional
    public boolean reject(String requestId, String operator, String reason) {
        boolean rejected = requests.decide(requestId, "rejected", operator, reason, null).isPresent();
        if (rejected) {
            audit.record(operator, "request_rejected", requestId, reason);
        }
        return rejected;
    }

    /** Enables an approved account's inactive live key. */
    @Transactional
    public boolean enableLive(String keyId, String operator) {
        boolean enabled = keys.enableInactiveLive(keyId);
        if (enabled) {
            audit.record(operator, "live_key_enabled", keyId, null);
        }
        return enabled;
    }
}
