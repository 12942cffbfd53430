package com.narvark.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With the email channel on SMTP, the portal's emails go to the same SMTP server (a loopback GreenMail here). */
class PortalMailerSmtpTest {

    private final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @BeforeEach
    void start() {
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    private PortalMailer mailer(int port) {
        // No outbox: on SMTP it is never touched.
        return new PortalMailer(null, "smtp", "127.0.0.1", port, "", "", false, "Narvark <no-reply@narvark.test>");
    }

    @Test
    void shouldSendThroughTheEmailChannelsSmtpServerWhenTheChannelRunsOnSmtp() throws Exception {
        PortalMailer mailer = mailer(smtp.getSmtp().getPort());
        assertThat(mailer.sandbox()).isFalse();

        assertThat(mailer.send("jane@example.com", "Your Narvark API keys", "Open https://x/portal/welcome/abc"))
                .isTrue();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Your Narvark API keys");
        assertThat(GreenMailUtil.getHeaders(received[0])).contains("jane@example.com", "no-reply@narvark.test");
        assertThat(GreenMailUtil.getBody(received[0])).contains("/portal/welcome/abc");
    }

    @Test
    void shouldAnswerFalseWhenTheSmtpServerIsUnreachable() {
        int port = smtp.getSmtp().getPort();
        smtp.stop();
        assertThat(mailer(port).send("jane@example.com", "subject", "body")).isFalse();
    }
}
