package dev.casekeeper.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Twilio's request signature, checked against the examples in Twilio's documentation ("Validating
 * requests", twilio.com/docs/usage/security, and the helper libraries' guides): Auth Token
 * {@code 12345}, the URL {@code https://mycompany.com/myapp.php?foo=1&bar=2}, and a gather's POST
 * parameters.
 */
class TwilioSignatureTests {

    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";

    private final TwilioAdapter twilio = new TwilioAdapter(JsonMapper.builder().build());

    @Test
    void signsTwilioDocumentationExampleAsTwilioDoes() {
        var params = Map.of(
                "CallSid", "CA1234567890ABCDE",
                "Caller", "+14158675309",
                "Digits", "1234",
                "From", "+14158675309",
                "To", "+18005551212");

        assertThat(TwilioAdapter.signature("12345", URL, PhoneSystem.form(params)))
                .isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    }

    @Test
    void signsTheOlderDocumentationExampleAsTwilioDid() {
        var params = Map.of(
                "CallSid", "CA1234567890ABCDE",
                "Caller", "+12349013030",
                "Digits", "1234",
                "From", "+12349013030",
                "To", "+18005551212");

        assertThat(TwilioAdapter.signature("12345", URL, PhoneSystem.form(params)))
                .isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
    }

    @Test
    void acceptsTheDocumentedSignatureAndRefusesAnyChangedParameter() {
        var params = Map.of(
                "CallSid", "CA1234567890ABCDE",
                "Caller", "+14158675309",
                "Digits", "1234",
                "From", "+14158675309",
                "To", "+18005551212");
        var signed = request(params, "RSOYDt4T1cUTdK1PDd93/VVr8B8=");
        twilio.verify(signed, "12345", Instant.now());

        var changed = new java.util.HashMap<>(params);
        changed.put("Digits", "1235");
        assertThatThrownBy(
                        () -> twilio.verify(request(changed, "RSOYDt4T1cUTdK1PDd93/VVr8B8="), "12345", Instant.now()))
                .isInstanceOf(WebhookRefused.class)
                .hasMessageContaining("signature");
        assertThatThrownBy(() -> twilio.verify(signed, "another token", Instant.now()))
                .isInstanceOf(WebhookRefused.class);
    }

    @Test
    void mapsStatusCallbacksToCallEvents() {
        var ringing = twilio.events(request(
                Map.of("CallSid", "CA1", "CallStatus", "ringing", "From", "+14158675309", "To", "+18005551212"), ""));
        var answered = twilio.events(request(Map.of("CallSid", "CA1", "CallStatus", "in-progress"), ""));
        var completed = twilio.events(request(
                Map.of(
                        "CallSid", "CA1",
                        "CallStatus", "completed",
                        "CallDuration", "42",
                        "RecordingUrl", "https://api.twilio.com/rec/RE1"),
                ""));
        var noAnswer = twilio.events(request(Map.of("CallSid", "CA2", "CallStatus", "no-answer"), ""));

        assertThat(ringing).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(CallEventType.RINGING);
            assertThat(e.from()).isEqualTo("+14158675309");
            assertThat(e.eventId()).isEqualTo("CA1:ringing");
        });
        assertThat(answered).extracting(CallEvent::type).containsExactly(CallEventType.ANSWERED);
        assertThat(completed).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(CallEventType.ENDED);
            assertThat(e.durationSeconds()).isEqualTo(42);
            assertThat(e.recordingUrl()).isEqualTo("https://api.twilio.com/rec/RE1");
        });
        assertThat(noAnswer).extracting(CallEvent::type).containsExactly(CallEventType.ENDED);
        assertThat(twilio.events(request(Map.of("CallSid", "CA1", "CallStatus", "initiated"), "")))
                .isEmpty();
    }

    private static InboundRequest request(Map<String, String> params, String signature) {
        return new InboundRequest(
                "twilio", null, URL, Map.of("x-twilio-signature", signature), new byte[0], PhoneSystem.form(params));
    }
}
