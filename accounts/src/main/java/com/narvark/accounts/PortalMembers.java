package com.narvark.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who may sign in to an account's console ({@code portal_members}): the work email of the approved request. */
@Repository
public class PortalMembers {

    private final JdbcClient jdbc;
    private final Clock clock;

    PortalMembers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The account this email is a member of, read anew each time: a removed membership signs in nobody. */
    public Optional<String> accountOf(String email) {
        return jdbc.sql("SELECT account_id FROM accounts.portal_members WHERE email = ?").param(email)
                .query(String.class).optional();
    }

    /** A later approval for the same email moves the membership to the new account. */
    void add(String email, String accountId) {
        jdbc.sql("""
                INSERT INTO accounts.portal_members (email, account_id, created_at) VALUES (?, ?, ?)
                ON CONFLICT (email) DO UPDATE SET account_id = EXCLUDED.account_id
                """)
                .params(email, accountId, Timestamp.from(clock.instant())).update();
    }
}
