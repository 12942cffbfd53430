package com.narvark.otp.delivery.http;

import com.narvark.otp.delivery.Receipts;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Carrier status callbacks ({@code /callbacks/twilio}, {@code /callbacks/whatsapp}). They carry no API key: each
 * carrier signs its requests, and the signature is checked here before any receipt is recorded (a refusal is a
 * {@code RequestRefusedException}, answered in the API's error shape). What a genuine callback means is handed on
 * as {@code CarrierReceipt}s. Any node can take a callback: receipts find their OTP through
 * {@code carrier_messages} in the database, and HTTP carriers hold no session with a particular node.
 */
@RestController
class CarrierCallbackController {

    private final TwilioCallbacks twilio;
    private final WhatsAppCallbacks whatsApp;
    private final Receipts receipts;
    private final CallbackSettings settings;

    CarrierCallbackController(TwilioCallbacks twilio, WhatsAppCallbacks whatsApp, Receipts receipts,
                              CallbackSettings settings) {
        this.twilio = twilio;
        this.whatsApp = whatsApp;
        this.receipts = receipts;
        this.settings = settings;
    }

    @PostMapping(path = "/callbacks/twilio", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> twilio(HttpServletRequest request,
                                  @RequestHeader(name = TwilioCallbacks.SIGNATURE_HEADER, required = false)
                                  String signature) {
        twilio.receiptOf(signedUrl(request), parameters(request), signature).ifPresent(receipts::record);
        return answer("");
    }

    /** Meta's subscription handshake; no other carrier calls back with GET. */
    @GetMapping("/callbacks/whatsapp")
    ResponseEntity<String> handshake(HttpServletRequest request) {
        return answer(whatsApp.challenge(parameters(request)));
    }

    @PostMapping(path = "/callbacks/whatsapp", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> whatsApp(@RequestBody byte[] body,
                                    @RequestHeader(name = WhatsAppCallbacks.SIGNATURE_HEADER, required = false)
                                    String signature) {
        whatsApp.receiptsOf(body, signature).forEach(receipts::record);
        return answer("");
    }

    /** Behind a proxy the request's own URL is not the one the carrier signed: rebuild it on the public base URL. */
    private String signedUrl(HttpServletRequest request) {
        String query = request.getQueryString();
        return settings.publicUrl(request.getRequestURI() + (query == null ? "" : "?" + query));
    }

    /** Form or query parameters, decoded; a repeated name keeps its first value. */
    private static Map<String, String> parameters(HttpServletRequest request) {
        Map<String, String> params = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> params.put(name, values[0]));
        return params;
    }

    private static ResponseEntity<String> answer(String body) {
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(body);
    }
}
