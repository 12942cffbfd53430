package com.narvark.gateway.carrier;

import com.narvark.otp.api.command.CarrierCallbackResult;
import com.narvark.otp.api.command.HandleCarrierCallbackCommand;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Carrier status callbacks ({@code /callbacks/twilio}, {@code /callbacks/whatsapp}). They carry no API key: each
 * carrier signs its requests, and the delivery module checks that signature before touching any OTP. The gateway
 * only hands the request over as it arrived; the signed URL is rebuilt from {@code narvark.callbacks.base-url},
 * because behind a proxy the request's own URL is not the one the carrier signed.
 */
@RestController
class CarrierCallbackController {

    private final CommandGateway commands;
    private final String publicBaseUrl;

    CarrierCallbackController(CommandGateway commands,
                              @Value("${narvark.callbacks.base-url:http://localhost:8080}") String publicBaseUrl) {
        this.commands = commands;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    @PostMapping(path = "/callbacks/twilio", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> twilio(HttpServletRequest request) {
        return relay("twilio", request, new byte[0]);
    }

    /** Meta's subscription handshake; no other carrier calls back with GET. */
    @GetMapping("/callbacks/whatsapp")
    ResponseEntity<String> handshake(HttpServletRequest request) {
        return relay("whatsapp", request, new byte[0]);
    }

    @PostMapping(path = "/callbacks/whatsapp", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> whatsApp(HttpServletRequest request, @RequestBody byte[] body) {
        return relay("whatsapp", request, body);
    }

    private ResponseEntity<String> relay(String carrier, HttpServletRequest request, byte[] body) {
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        Map<String, String> params = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> params.put(name, values[0]));
        String query = request.getQueryString();
        String url = publicBaseUrl + request.getRequestURI() + (query == null ? "" : "?" + query);
        CarrierCallbackResult result = commands.sendAndWait(new HandleCarrierCallbackCommand(carrier,
                request.getMethod(), url, headers, params, body));
        return ResponseEntity.status(result.httpStatus()).contentType(MediaType.TEXT_PLAIN).body(result.body());
    }
}
