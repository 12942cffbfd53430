package com.narvark.otp.delivery.smtp;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.FailureReason;
import com.narvark.otp.delivery.CarrierAcceptance;
import com.narvark.otp.delivery.CarrierFailure;
import com.narvark.otp.delivery.CarrierRefusedException;
import com.narvark.otp.delivery.ChannelProvider;
import com.narvark.otp.delivery.OutboundMessage;
import com.narvark.otp.delivery.text.EmailContent;
import com.narvark.otp.delivery.text.MessageTexts;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import org.eclipse.angus.mail.util.MailConnectException;
import org.springframework.stereotype.Component;

/**
 * Email over SMTP with Jakarta Mail: a multipart/alternative message (plain text and HTML) with the code and its
 * expiry, in the OTP's language and naming its brand. SMTP gives no delivery receipts, so an email OTP stays {@code dispatched} once the server accepted it.
 */
@Component
class SmtpEmailProvider implements ChannelProvider {

    private final SmtpSettings settings;
    private final Clock clock;

    SmtpEmailProvider(SmtpSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "smtp";
    }

    @Override
    public boolean supports(Channel channel) {
        return channel == Channel.EMAIL;
    }

    @Override
    public CarrierAcceptance send(OutboundMessage message) throws MessagingException {
        Session session = Session.getInstance(properties());
        MimeMessage mime = new MimeMessage(session);
        mime.setFrom(new InternetAddress(settings.from()));
        mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.to()));
        EmailContent email = MessageTexts.email(message.code(), Duration.between(clock.instant(),
                message.expiresAt()), message.message(), message.transaction());
        // A configured subject overrides the language's own (it predates languages); by default there is none.
        String subject = settings.subject().isBlank() ? email.subject()
                : settings.subject().replace("{code}", message.code());
        mime.setSubject(subject, StandardCharsets.UTF_8.name());
        mime.setHeader("Content-Language", message.message().localeOrDefault());
        // Threading on the reference makes a resent attempt recognisable as the same message.
        mime.setHeader("X-Narvark-Reference", message.reference());
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(part(email.text(), "plain"));
        alternative.addBodyPart(part(email.html(), "html"));
        mime.setContent(alternative);
        mime.saveChanges();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
            transport.sendMessage(mime, mime.getAllRecipients());
        } catch (SendFailedException refused) {
            throw new CarrierRefusedException(SmtpFailures.of(reply(refused)), "the SMTP server refused the message");
        } catch (AuthenticationFailedException | MailConnectException notSent) {
            // Certainly not sent: let the fallback channel start now rather than after the send timeout.
            throw new CarrierRefusedException(notSent instanceof MailConnectException
                    ? CarrierFailure.of(FailureReason.CARRIER_UNAVAILABLE)
                    : new CarrierFailure(FailureReason.CARRIER_ERROR, "smtp:535"),
                    "the SMTP server did not take the message");
        }
        return CarrierAcceptance.accepted(mime.getMessageID());
    }

    /** The server's reply: the mail library puts each refused recipient's reply in a nested exception. */
    private static String reply(MessagingException refused) {
        StringBuilder replies = new StringBuilder();
        for (Exception e = refused; e != null; e = e instanceof MessagingException m ? m.getNextException() : null) {
            replies.append(e.getMessage()).append('\n');
        }
        return replies.toString();
    }

    private static MimeBodyPart part(String content, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(content, StandardCharsets.UTF_8.name(), subtype);
        return part;
    }

    private Properties properties() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", settings.host());
        properties.put("mail.smtp.port", Integer.toString(settings.port()));
        properties.put("mail.smtp.auth", Boolean.toString(settings.authenticates()));
        properties.put("mail.smtp.starttls.enable", Boolean.toString(settings.starttls()));
        properties.put("mail.smtp.starttls.required", Boolean.toString(settings.starttls()));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        return properties;
    }
}
