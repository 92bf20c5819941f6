package dev.casekeeper.telephony.rest;

import dev.casekeeper.telephony.CallQueueStatus;
import dev.casekeeper.telephony.EventReceipt;
import dev.casekeeper.telephony.TelephonyManagement;
import dev.casekeeper.telephony.TelephonySettings;
import dev.casekeeper.telephony.WebhookRefused;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where phone systems report calls ({@code docs/phone.md}): Casekeeper's signed webhook, Twilio's
 * status callbacks, and a queued call's position for an IVR. No agent signs in here: each request is
 * signed with its integration's secret, and a refused one is a problem (RFC 9457) that changed nothing.
 * Left out of the API document, whose calls take an agent's token: docs/phone.md describes these.
 */
@Hidden
@RestController
class TelephonyEventsRestController {

    record CallQueueResponse(
            String callId,
            String state,
            @Nullable Integer position,
            @Nullable Long estimatedWaitSeconds,
            String decision,
            long offerCallbackAfterSeconds) {

        static CallQueueResponse of(CallQueueStatus status) {
            return new CallQueueResponse(
                    status.callId(),
                    status.state(),
                    status.position(),
                    status.estimatedWait() == null
                            ? null
                            : status.estimatedWait().toSeconds(),
                    status.offerCallback() ? "offer-callback" : "wait",
                    status.offerCallbackAfter().toSeconds());
        }
    }

    private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private final TelephonyManagement telephony;
    private final TelephonySettings settings;

    TelephonyEventsRestController(TelephonyManagement telephony, TelephonySettings settings) {
        this.telephony = telephony;
        this.settings = settings;
    }

    @PostMapping(path = "/api/v1/telephony/events", consumes = MediaType.APPLICATION_JSON_VALUE)
    EventReceipt event(HttpServletRequest request, @RequestBody(required = false) byte @Nullable [] body) {
        var receipts = telephony.receive(
                WebhookRequests.of("signed", null, request, body == null ? new byte[0] : body, settings.publicUrl()));
        return receipts.getFirst();
    }

    /** Twilio's status callback; answered with empty TwiML, which Twilio takes as "nothing to do". */
    @PostMapping("/api/v1/telephony/twilio/{integrationId}")
    ResponseEntity<String> twilio(@PathVariable String integrationId, HttpServletRequest request) {
        telephony.receive(WebhookRequests.of("twilio", integrationId, request, new byte[0], settings.publicUrl()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(EMPTY_TWIML);
    }

    /** Signed like an event, over the path with its query instead of a body. */
    @GetMapping("/api/v1/telephony/calls/{callId}/queue")
    CallQueueResponse queue(@PathVariable String callId, HttpServletRequest request) {
        var signed = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        return CallQueueResponse.of(telephony.queueStatus(
                WebhookRequests.of(
                        "signed", null, request, signed.getBytes(StandardCharsets.UTF_8), settings.publicUrl()),
                callId));
    }

    @ExceptionHandler
    ProblemDetail refused(WebhookRefused e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.status()), e.getMessage());
        problem.setType(URI.create("urn:casekeeper:problem:" + e.code()));
        problem.setProperty("code", e.code());
        return problem;
    }
}
