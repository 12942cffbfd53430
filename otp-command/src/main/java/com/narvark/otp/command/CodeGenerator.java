package com.narvark.otp.command;

/** Produces the secret digits of a live OTP. Injected so tests can be deterministic. */
public interface CodeGenerator {

    String generate(int length);
}
