package com.narvark.portal;

import com.narvark.accounts.PortalOutbox;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The portal's own emails (access request confirmation, the one-time key link). They go out through the same SMTP
 * settings as the email channel ({@code narvark.smtp.*}) when that channel runs on SMTP; when it runs on the sandbox
 * carrier (embedded mode, tests) they are recorded, sealed, in the accounts module's {@link PortalOutbox} instead. Bodies are never
 * logged: the key link is a bearer secret until it is used.
 */
@Component
class PortalMailer {

    private static final Logger LOG = LoggerFactory.getLogger(PortalMailer.class);

    private final PortalOutbox outbox;
    private final boolean smtp;
    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final boolean starttls;
    private final String from;

    PortalMailer(PortalOutbox outbox,
                 @Value("${narvark.delivery.email.provider:sandbox}") String provider,
                 @Value("${narvark.smtp.host:localhost}") String host, @Value("${narvark.smtp.port:587}") int port,
                 @Value("${narvark.smtp.username:}") String username,
                 @Value("${narvark.smtp.password:}") String password,
                 @Value("${narvark.smtp.starttls:true}") boolean starttls,
                 @Value("${narvark.smtp.from:Narvark <no-reply@narvark.dev>}") String from) {
        this.outbox = outbox;
        this.smtp = provider.equals("smtp");
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
        this.starttls = starttls;
        this.from = from;
    }

    /** True when portal emails are recorded in the outbox instead of sent (the email channel runs on the sandbox). */
    boolean sandbox() {
        return !smtp;
    }

    /** Sends (or records) one plain-text email; false if the SMTP server did not take it. */
    boolean send(String to, String subject, String body) {
        if (!smtp) {
            outbox.record(to, subject, body);
            return true;
        }
        try {
            Session session = Session.getInstance(properties());
            MimeMessage mime = new MimeMessage(session);
            mime.setFrom(new InternetAddress(from));
            mime.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
            mime.setSubject(subject, StandardCharsets.UTF_8.name());
            mime.setText(body, StandardCharsets.UTF_8.name());
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect(host, port, username.isBlank() ? null : username,
                        username.isBlank() ? null : password);
                transport.sendMessage(mime, mime.getAllRecipients());
            }
            return true;
        } catch (MessagingException e) {
            // The subject names the email; the body (which may hold a link) stays out of the log.
            LOG.warn("portal email \"{}\" was not sent: {}", subject, e.getClass().getSimpleName());
            return false;
        }
    }

    private Properties properties() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.auth", Boolean.toString(!username.isBlank()));
        properties.put("mail.smtp.starttls.enable", Boolean.toString(starttls));
        properties.put("mail.smtp.starttls.required", Boolean.toString(starttls));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        return properties;
    }
}
