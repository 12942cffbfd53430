package com.narvark.gateway.account;

import com.narvark.accounts.Accounts;
import com.narvark.accounts.Accounts.IssuedKey;
import com.narvark.accounts.Accounts.NewAccount;
import com.narvark.gateway.config.EmbeddedMode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * On the first start of the embedded mode (empty database), creates a demo account and prints its keys once, so
 * the README walkthrough works straight away. The keys are stored as hashes only: this is the one time they show.
 */
@Component
@ConditionalOnExpression(EmbeddedMode.CONDITION + " and ${narvark.demo-account.enabled:true}")
class DemoAccountInitializer implements ApplicationRunner {

    private final Accounts accounts;
    private final String adminToken;

    DemoAccountInitializer(Accounts accounts, @Value("${narvark.admin.token:}") String adminToken) {
        this.accounts = accounts;
        this.adminToken = adminToken;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.hasAnyAccount()) {
            return;
        }
        NewAccount demo = accounts.createAccount("Demo account");
        StringBuilder banner = new StringBuilder("\n\n=== Narvark demo account ").append(demo.accountId())
                .append(" (shown once; only hashes are stored) ===\n");
        for (IssuedKey key : demo.keys()) {
            banner.append(String.format("  %-5s key: %s%n", key.key().livemode() ? "live" : "test", key.secret()));
        }
        banner.append("  admin token: ").append(adminToken).append("  (kept in data/secrets.properties)\n\n");
        // Printed, not logged: the secrets must not end up in a log pipeline.
        System.out.print(banner);
        System.out.flush();
    }
}
