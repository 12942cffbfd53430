package com.narvark.gateway.portal;

import com.narvark.gateway.support.GatewayIntegrationTest;
import com.narvark.otp.api.crypto.SecretCipher;
import java.io.IOException;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Base of the portal ITs: the portal's mailbox (what it emailed) and the shared request → approve → sign-in steps. */
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
