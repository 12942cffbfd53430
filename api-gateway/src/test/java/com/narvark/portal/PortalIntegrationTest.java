package com.narvark.portal;

import com.narvark.gateway.NarvarkApplication;
import com.narvark.gateway.support.GatewayIntegrationTest;
import com.narvark.otp.api.crypto.SecretCipher;
import java.io.IOException;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Base of the portal ITs: the portal's mailbox (what it emailed) and the shared request → approve → sign-in steps.
 * The portal's package is no longer below the application's, so the application is named (same shared context).
 */
@SpringBootTest(classes = NarvarkApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class PortalIntegrationTest extends GatewayIntegrationTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected SecretCipher cipher;
    @Autowired
    protected QueryGateway queries;
    @Autowired
    protected SignInCodes codes;
    protected PortalMailbox mailbox;
    protected PortalFlows flows;

    @BeforeEach
    void mailbox() throws IOException {
        mailbox = new PortalMailbox(jdbc, cipher, queries);
        flows = new PortalFlows(port, jdbc, mailbox);
        flows.forgetRecentSubmissions();
    }

    @AfterEach
    void closeMailbox() {
        mailbox.close();
    }
}
