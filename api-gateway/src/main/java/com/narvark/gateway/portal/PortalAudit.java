package com.narvark.gateway.portal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Who did what to which request, account or key, and when. Never holds a key, a code or a token. */
@Component
public class PortalAudit {

    private final JdbcClient jdbc;
    private final Clock clock;

    PortalAudit(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String actor, String action, String subject, String detail) {
        jdbc.sql("INSERT INTO portal_audit (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)")
                .params(Timestamp.from(clock.instant()), actor, action, subject, detail).update();
    }

    List<Entry> recent(int limit) {
        return jdbc.sql("SELECT at, actor, action, subject, detail FROM portal_audit ORDER BY audit_id DESC LIMIT ?")
                .param(limit)
                .query((rs, row) -> new Entry(rs.getTimestamp("at").toInstant().toString(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("subject"), rs.getString("detail")))
                .list();
    }

    record Entry(String at, String actor, String action, String subject, String detail) {
    }
}
