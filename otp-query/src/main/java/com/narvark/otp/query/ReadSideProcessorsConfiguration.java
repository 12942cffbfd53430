package com.narvark.otp.query;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * The read side's processors ({@code otp-status}, {@code otp-analytics}, {@code otp-usage}) are configured here, by
 * the module whose projections they run, as Axon's own processor properties
 * ({@code axon.eventhandling.processors.<name>.*}: tracking, one segment, batches of 100, dead-letter queue) and as
 * the projections the admin API may rebuild ({@code narvark.read-side.projections}). A {@code @PropertySource} ranks
 * below the application's configuration files, the environment and the command line, so an operator who sets any
 * of these properties still overrides the module's value.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:otp-query/processors.properties")
class ReadSideProcessorsConfiguration {
}
