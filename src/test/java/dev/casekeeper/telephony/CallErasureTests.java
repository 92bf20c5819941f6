package dev.casekeeper.telephony;

import static dev.casekeeper.telephony.PhoneSystem.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.customers.ErasureManagement;
import dev.casekeeper.shared.Actor;
import dev.casekeeper.support.ApiTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Erasing a caller's data reaches what the phone channel kept of her: her number on the call and in
 * the phone system's raw events, the voicemail recording, and the number routing kept to call her
 * back. The call itself stays (times, durations, outcome) for the team's figures.
 */
class CallErasureTests extends ApiTestBase {

    @Autowired
    private ErasureManagement erasures;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void erasingACallerLeavesHerNumberAndRecordingNowhereInThePhoneOrRoutingData() {
        var team = newTeam();
        var pbx = PhoneSystem.signedFor(admin(), port, team, Instant::now);
        var number = PhoneSystem.newNumber();
        var callId = "call-" + UUID.randomUUID();
        var recording = "https://pbx.example.com/voicemail/" + UUID.randomUUID() + ".mp3";
        var rang = pbx.send(event("ringing", callId, "from", number, "to", "+15550100000"));
        var caseId = rang.json().get("caseId").asString();
        pbx.send(event("ended", callId, "durationSeconds", 40, "recordingUrl", recording, "hungUpBy", "customer"));
        await().atMost(Duration.ofSeconds(30))
                .alias("the callback task to her number")
                .until(() -> jdbc.sql("select count(*) from callbacks.callback where phone = :n")
                                .param("n", number)
                                .query(Long.class)
                                .single()
                        == 1);
        var customer = new CustomerId(UUID.fromString(
                admin().get("/api/v1/cases/" + caseId).json().get("requesterId").asString()));
        var supervisor = newAgent("supervisor");

        var request = erasures.request(customer, Actor.customer(customer.value()));
        var approved = erasures.approve(request.id(), null, Actor.agent(supervisor.id()));

        assertThat(mentions(number)).as("places still holding her number").isZero();
        assertThat(mentions(recording)).as("places still holding her voicemail").isZero();
        assertThat(admin().get("/api/v1/cases/" + caseId).json().get("timeline").toString())
                .doesNotContain(recording)
                .contains("call_ended");
        assertThat(approved.outcome()).containsKeys("calls", "routingContacts");
        assertThat(jdbc.sql("select count(*) from telephony.call where case_id = :case")
                        .param("case", UUID.fromString(caseId))
                        .query(Long.class)
                        .single())
                .as("the call stays for the figures")
                .isEqualTo(1);
    }

    /** How many rows of the phone, routing and callback tables still hold this text. */
    private long mentions(String text) {
        return jdbc.sql("""
                        select (select count(*) from telephony.call
                                 where :text in (from_number, coalesce(recording_url, ''), coalesce(wrap_up_notes, '')))
                             + (select count(*) from telephony.event where strpos(payload::text, :text) > 0)
                             + (select count(*) from routing.contact where :text in (callback_phone, callback_email))
                             + (select count(*) from routing.callback where :text in (phone, email))
                             + (select count(*) from callbacks.callback where :text in (phone, email))
                        """).param("text", text).query(Long.class).single();
    }
}
