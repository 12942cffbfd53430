package com.narvark.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The one deployable: REST API, authentication and the wiring of the domain modules. */
@SpringBootApplication(scanBasePackages = "com.narvark")
@ConfigurationPropertiesScan("com.narvark")
public class NarvarkApplication {

    public static void main(String[] args) {
        SpringApplication.run(NarvarkApplication.class, args);
    }
}
