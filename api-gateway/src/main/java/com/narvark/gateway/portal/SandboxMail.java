package com.narvark.gateway.portal;

import com.narvark.accounts.PortalOutbox;
import com.narvark.otp.api.query.FindSandboxMessagesQuery;
import com.narvark.otp.api.query.SandboxMessageView;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the portal "emailed" while email runs on the sandbox carrier (embedded mode): its own emails from the sealed
 * outbox and the sign-in codes the sandbox carrier received for the portal account. Shown to the signed-in operator
 * only, so the access flow can be walked through locally with nothing really sent.
 */
@Component
class SandboxMail {

    private final PortalOutbox outbox;
    private final JdbcClient jdbc;
    private final QueryGateway queries;

    SandboxMail(PortalOutbox outbox, JdbcClient jdbc, QueryGateway queries) {
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.queries = queries;
    }

    record Mail(String at, String to, String subject, String body) {
    }

    List<Mail> recent(int limit) {
        List<Mail> mails = new ArrayList<>(outbox.recent(limit).stream()
                .map(mail -> new Mail(mail.at(), mail.to(), mail.subject(), mail.body())).toList());
        List<String> codes = jdbc.sql("""
                SELECT DISTINCT otp_id, received_at FROM sandbox_messages WHERE account_id = ?
                ORDER BY received_at DESC LIMIT ?
                """).params(SignInController.PORTAL_ACCOUNT, limit).query((rs, row) -> rs.getString("otp_id")).list();
        for (String otpId : codes) {
            for (SandboxMessageView message : queries.query(new FindSandboxMessagesQuery(otpId,
                    SignInController.PORTAL_ACCOUNT), ResponseTypes.multipleInstancesOf(SandboxMessageView.class))
                    .join()) {
                mails.add(new Mail(message.receivedAt().toString(), message.to(), "Console sign-in code",
                        message.text()));
            }
        }
        mails.sort((a, b) -> b.at().compareTo(a.at()));
        return mails.subList(0, Math.min(limit, mails.size()));
    }
}
