package com.narvark.portal;

import com.narvark.accounts.PortalOutbox;
import com.narvark.otp.api.query.FindRecentSandboxMessagesQuery;
import com.narvark.otp.api.query.SandboxMessageView;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * What the portal "emailed" while email runs on the sandbox carrier (embedded mode): its own emails from the sealed
 * outbox and the sign-in codes the sandbox carrier received for the portal account (asked of otp-delivery with a
 * query, never read from its tables). Shown to the signed-in operator only, so the access flow can be walked
 * through locally with nothing really sent.
 */
@Component
class SandboxMail {

    private final PortalOutbox outbox;
    private final QueryGateway queries;

    SandboxMail(PortalOutbox outbox, QueryGateway queries) {
        this.outbox = outbox;
        this.queries = queries;
    }

    record Mail(String at, String to, String subject, String body) {
    }

    /** Newest first, both kinds together. */
    List<Mail> recent(int limit) {
        List<Mail> mails = new ArrayList<>(outbox.recent(limit).stream()
                .map(mail -> new Mail(mail.at(), mail.to(), mail.subject(), mail.body())).toList());
        for (SandboxMessageView message : queries.query(new FindRecentSandboxMessagesQuery(
                SignInController.PORTAL_ACCOUNT, limit), ResponseTypes.multipleInstancesOf(SandboxMessageView.class))
                .join()) {
            mails.add(new Mail(message.receivedAt().toString(), message.to(), "Console sign-in code",
                    message.text()));
        }
        mails.sort((a, b) -> b.at().compareTo(a.at()));
        return mails.subList(0, Math.min(limit, mails.size()));
    }
}
