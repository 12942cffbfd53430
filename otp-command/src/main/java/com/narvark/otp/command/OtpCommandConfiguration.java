package com.narvark.otp.command;

import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The aggregate's collaborators; they reach its handlers as parameters. */
@Configuration(proxyBeanMethods = false)
class OtpCommandConfiguration {

    @Bean
    CodeGenerator codeGenerator(SecureRandom secureRandom) {
        return new SecureRandomCodeGenerator(secureRandom);
    }

    @Bean
    CodeHasher codeHasher(@Value("${narvark.security.code-pepper}") String pepperBase64) {
        return new CodeHasher(Base64.getDecoder().decode(pepperBase64));
    }
}
