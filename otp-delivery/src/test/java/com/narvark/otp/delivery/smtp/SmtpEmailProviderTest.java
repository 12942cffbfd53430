package com.narvark.otp.delivery.smtp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.narvark.otp.api.Channel;
import com.narvark.otp.api.FailureReason;
import com.narvark.otp.api.message.MessageOptions;
import com.narvark.otp.delivery.CarrierAcceptance;
import com.narvark.otp.delivery.CarrierFailure;
import com.narvark.otp.delivery.CarrierRefusedException;
import com.narvark.otp.delivery.Messages;
import com.narvark.otp.delivery.OutboundMessage;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The email integration against a real SMTP conversation (GreenMail on loopback). */
class SmtpEmailProviderTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP)
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("narvark", "s3cret"));

    private static SmtpEmailProvider provider(String password) {
        return new SmtpEmailProvider(new SmtpSettings("127.0.0.1", SMTP.getSmtp().getPort(), "narvark", password,
                false, "Narvark <otp@narvark.dev>", "Your verification code: {code}"), Clock.systemUTC());
    }

    @Test
    void shouldDeliverATextAndHtmlMessageWithTheCodeWhenSent() throws Exception {
        CarrierAcceptance accepted = provider("s3cret").send(Messages.message(Channel.EMAIL, "jane@example.com", 0));

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getMessageID()).isEqualTo(accepted.carrierMessageId());
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("jane@example.com");
        assertThat(mail.getSubject()).isEqualTo("Your verification code: 492817");
        assertThat(mail.getHeader("X-Narvark-Reference")[0]).isEqualTo("otp_0123456789abcdefghjkmnpqrs:0");
        MimeMultipart alternative = (MimeMultipart) mail.getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(GreenMailUtil.getBody(alternative.getBodyPart(0))).contains("492817", "5 minutes");
        assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat(GreenMailUtil.getBody(alternative.getBodyPart(1))).contains("492817", "<html");
    }

    @Test
    void shouldWriteSubjectAndBodiesInTheOtpsLanguageWhenNoSubjectIsConfigured() throws Exception {
        SmtpEmailProvider provider = new SmtpEmailProvider(new SmtpSettings("127.0.0.1", SMTP.getSmtp().getPort(),
                "narvark", "s3cret", false, "Narvark <otp@narvark.dev>", ""), Clock.systemUTC());
        OutboundMessage english = Messages.message(Channel.EMAIL, "jane@example.com", 0);
        OutboundMessage arabic = new OutboundMessage(english.otpId(), 0, 0, "acct", Channel.EMAIL,
                "jane@example.com", "492817", english.text(), null, english.expiresAt(), english.since(),
                new MessageOptions("Acme Shop", "ar", null, null), null);

        provider.send(arabic);

        MimeMessage mail = SMTP.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("492817 هو رمز التحقق من Acme Shop");
        assertThat(mail.getHeader("Content-Language")[0]).isEqualTo("ar");
        MimeMultipart alternative = (MimeMultipart) mail.getContent();
        String html = new String(alternative.getBodyPart(1).getInputStream().readAllBytes(), UTF_8);
        assertThat(html).contains("<html lang=\"ar\" dir=\"rtl\">", "رمز التحقق من Acme Shop هو:", "492817");
    }

    @Test
    void shouldFailWhenTheServerRejectsTheCredentials() {
        assertThatThrownBy(() -> provider("wrong").send(Messages.message(Channel.EMAIL, "jane@example.com", 0)))
                .isInstanceOfSatisfying(CarrierRefusedException.class,
                        e -> assertThat(e.failure()).isEqualTo(new CarrierFailure(FailureReason.CARRIER_ERROR,
                                "smtp:535")));
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }
}
