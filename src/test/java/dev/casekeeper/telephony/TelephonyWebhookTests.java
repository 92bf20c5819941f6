package dev.casekeeper.telephony;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static dev.casekeeper.telephony.PhoneSystem.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.support.Api;
import dev.casekeeper.support.ApiTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Call events from a phone system over real HTTP, signed as docs/phone.md says: a ring opens a case
 * and queues the call; refused events (bad signature, old timestamp, unknown call, an event after
 * the end) are clear problems and change nothing; a replayed event id changes nothing; an end before
 * an answer is an abandonment with a callback task to the caller's number; a Twilio status callback
 * is checked with Twilio's signature.
 */
class TelephonyWebhookTests extends ApiTestBase {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private PhoneSystem phoneSystemFor(UUID team) {
        return PhoneSystem.signedFor(admin(), port, team, Instant::now);
    }

    @Test
    void aRingingCallOpensACaseOnThePhoneChannelForANewCallerAndQueuesIt() {
        var team = newTeam();
        var pbx = phoneSystemFor(team);
        var number = PhoneSystem.newNumber();

        var rang = pbx.send(event("ringing", "call-" + UUID.randomUUID(), "from", number, "to", "+15550100000"));

        assertThat(rang.status()).as(rang.toString()).isEqualTo(200);
        assertThat(rang.json().get("outcome").asString()).isEqualTo("applied");
        var kase = admin().get("/api/v1/cases/" + rang.json().get("caseId").asString())
                .json();
        assertThat(kase.get("channel").asString()).isEqualTo("phone");
        assertThat(kase.get("teamId").asString()).isEqualTo(team.toString());
        assertThat(kase.get("number").asLong())
                .isEqualTo(rang.json().get("caseNumber").asLong());
        var customer = admin().get(
                        "/api/v1/customers/" + kase.get("requesterId").asString())
                .json();
        assertThat(customer.get("identities").toString()).contains(number);
        var queue = admin().get("/api/v1/routing/teams/" + team + "/queue").json();
        assertThat(queue.get("contacts")).singleElement().satisfies(c -> {
            assertThat(c.get("channel").asString()).isEqualTo("phone");
            assertThat(c.get("state").asString()).isEqualTo("waiting");
        });
    }

    @Test
    void ringsAndAnAnswerForOneCallArrivingAtOnceOpenOneCaseAndAllAreAnswered() throws Exception {
        var team = newTeam();
        var pbx = phoneSystemFor(team);
        var callId = "call-" + UUID.randomUUID();
        var number = PhoneSystem.newNumber();
        var events = new java.util.ArrayList<Map<String, Object>>();
        for (int i = 0; i < 6; i++) {
            events.add(event("ringing", callId, "from", number));
        }
        events.add(event("answered", callId));

        List<Api.Response> answers;
        try (var senders = java.util.concurrent.Executors.newFixedThreadPool(events.size())) {
            var start = new java.util.concurrent.CountDownLatch(1);
            var sent = events.stream()
                    .map(e -> senders.submit(() -> {
                        start.await();
                        return pbx.send(e);
                    }))
                    .toList();
            start.countDown();
            answers = new java.util.ArrayList<>();
            for (var answer : sent) {
                answers.add(answer.get());
            }
        }

        var rings = answers.subList(0, 6);
        assertThat(rings)
                .allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
        assertThat(rings.stream().map(r -> r.json().get("caseId").asString()).distinct())
                .as("one case for the call")
                .hasSize(1);
        assertThat(rings.stream().map(r -> r.json().get("outcome").asString()))
                .containsOnly("applied", "recorded")
                .containsOnlyOnce("applied");
        assertThat(answers.getLast().status())
                .as("the answer waits for the ring or comes before it: %s", answers.getLast())
                .isIn(200, 404);
        assertThat(admin().get("/api/v1/routing/teams/" + team + "/queue")
                        .json()
                        .get("contacts"))
                .hasSize(1);
    }

    @Test
    void aKnownNumberRingsForItsCustomer() {
        var team = newTeam();
        var pbx = phoneSystemFor(team);
        var number = PhoneSystem.newNumber();
        var created = admin().post(
                        "/api/v1/customers",
                        Map.of("displayName", "Successful Moore", "emails", List.of(), "phones", List.of(number)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        var rang = pbx.send(event("ringing", "call-" + UUID.randomUUID(), "from", number));

        var kase = admin().get("/api/v1/cases/" + rang.json().get("caseId").asString())
                .json();
        assertThat(kase.get("requesterId").asString())
                .isEqualTo(created.json().get("id").asString());
    }

    @Test
    void theIvrHearsThePositionAndEstimatedWaitAndIsToldToOfferACallbackPastTheTeamsSetting() {
        var team = newTeam();
        var pbx = phoneSystemFor(team);
        var first = "call-" + UUID.randomUUID();
        var second = "call-" + UUID.randomUUID();
        pbx.send(event("ringing", first, "from", PhoneSystem.newNumber()));
        pbx.send(event("ringing", second, "from", PhoneSystem.newNumber()));

        var waiting = pbx.queue(second);

        assertThat(waiting.status()).as(waiting.toString()).isEqualTo(200);
        assertThat(waiting.json().get("state").asString()).isEqualTo("waiting");
        assertThat(waiting.json().get("position").asInt()).isEqualTo(2);
        // Nobody serves the team: the estimate is routing's cap (30 min), past the default 5 min.
        assertThat(waiting.json().get("estimatedWaitSeconds").asLong()).isEqualTo(1800);
        assertThat(waiting.json().get("decision").asString()).isEqualTo("offer-callback");

        var set = admin().send("PUT", "/api/v1/telephony/teams/" + team, Map.of("offerCallbackAfterSeconds", 3600));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        var patient = pbx.queue(second).json();
        assertThat(patient.get("decision").asString()).isEqualTo("wait");
        assertThat(patient.get("offerCallbackAfterSeconds").asLong()).isEqualTo(3600);
        assertProblem(pbx.queue("call-nobody-knows"), 404, "unknown-call");
    }

    @Test
    void aBadSignatureIsRefusedAndNothingIsStored() {
        var team = newTeam();
        var pbx = phoneSystemFor(team);
        var ring = event("ringing", "call-" + UUID.randomUUID(), "from", PhoneSystem.newNumber());

        assertProblem(pbx.sendWithSignature(ring, "v1=" + "ab".repeat(32)), 401, "bad-signature");
        assertProblem(pbx.sendWithSignature(ring, "not-a-signature"), 401, "bad-signature");

        assertThat(admin().get("/api/v1/routing/teams/" + team + "/queue")
                        .json()
                        .get("contacts"))
                .isEmpty();
        // The event id was not stored: the same event, signed, is new.
        assertThat(pbx.send(ring).json().get("outcome").asString()).isEqualTo("applied");
    }

    @Test
    void aSignatureOfAnotherIntegrationIsRefused() {
        var team = newTeam();
        var ours = phoneSystemFor(team);
        var theirs = phoneSystemFor(team);
        var ring = event("ringing", "call-" + UUID.randomUUID(), "from", PhoneSystem.newNumber());
        var body = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(ring);
        var stamp = Instant.now().getEpochSecond();
        // Their valid signature, presented under our integration's name.
        var forged = ours.send(body, stamp, theirs.signature(body, stamp));
        assertProblem(forged, 401, "bad-signature");
    }

    @Test
    void anOldTimestampIsRefusedEvenWhenWellSigned() {
        var team = newTeam();
        var pbx = phoneSystemFor(team);
        var ring = event("ringing", "call-" + UUID.randomUUID(), "from", PhoneSystem.newNumber());

        var stale = pbx.sendSignedAt(
                ring, Instant.now().minus(Duration.ofMinutes(10)).getEpochSecond());
        var future = pbx.sendSignedAt(
                ring, Instant.now().plus(Duration.ofMinutes(10)).getEpochSecond());

        assertProblem(stale, 401, "stale-timestamp");
        assertProblem(future, 401, "stale-timestamp");
        assertThat(admin().get("/api/v1/routing/teams/" + team + "/queue")
                        .json()
                        .get("contacts"))
                .isEmpty();
    }

    @Test
    void aReplayedEventIdChangesNothing() {
        var team = newTeam();
        var pbx = phoneSystemFor(team);
        var callId = "call-" + UUID.randomUUID();
        var ring = event("ringing", callId, "from", PhoneSystem.newNumber());

        var first = pbx.send(ring);
        var again = pbx.send(ring);
        // A second ring of the same call under a new event id opens nothing either.
        var ringsAgain = pbx.send(event("ringing", callId, "from", PhoneSystem.newNumber()));

        assertThat(first.json().get("outcome").asString()).isEqualTo("applied");
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("outcome").asString()).isEqualTo("duplicate");
        assertThat(again.json().get("caseNumber").asLong())
                .isEqualTo(first.json().get("caseNumber").asLong());
        assertThat(ringsAgain.json().get("outcome").asString()).isEqualTo("recorded");
        assertThat(admin().get("/api/v1/routing/teams/" + team + "/queue")
                        .json()
                        .get("contacts"))
                .hasSize(1);
    }

    @Test
    void anEventForAnUnknownCallIsRefused() {
        var pbx = phoneSystemFor(newTeam());

        var answered = pbx.send(event("answered", "call-nobody-knows"));

        assertProblem(answered, 404, "unknown-call");
        assertThat(answered.json().get("detail").asString()).contains("call-nobody-knows", "ringing");
    }

    @Test
    void badInputIsAProblemThatNamesTheField() {
        var pbx = phoneSystemFor(newTeam());

        var noCaller = pbx.send(event("ringing", "call-" + UUID.randomUUID()));
        var strange = pbx.send(event("ringing", "call-" + UUID.randomUUID(), "type", "exploded", "from", "+15550100"));
        var notJson = pbx.send("{not json", Instant.now().getEpochSecond(), null);

        assertProblem(noCaller, 400, "invalid-input");
        assertThat(noCaller.json().toString()).contains("from");
        assertProblem(strange, 400, "invalid-input");
        assertThat(strange.json().toString()).contains("type");
        assertProblem(notJson, 400, "invalid-input");
    }

    @Test
    void anEndBeforeAnAnswerIsAnAbandonmentWithACallbackToTheCallersNumberAndLaterEventsAreRefused() {
        var team = newTeam();
        var pbx = phoneSystemFor(team);
        var callId = "call-" + UUID.randomUUID();
        var number = PhoneSystem.newNumber();
        var rang = pbx.send(event("ringing", callId, "from", number));
        var contactId = rang.json().get("contactId").asString();

        var ended = pbx.send(event("ended", callId, "durationSeconds", 95));

        assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
        var abandoned = findAbandoned(contactId);
        assertThat(abandoned.get("callbackPhone").asString()).isEqualTo(number);
        assertThat(abandoned.get("callbackId").isNull()).isFalse();
        assertThat(abandoned.get("waitedSeconds").asLong()).isGreaterThanOrEqualTo(0);
        var timeline = admin().get("/api/v1/cases/" + rang.json().get("caseId").asString())
                .json()
                .get("timeline");
        assertThat(timeline.toString()).contains("call_ended", "hung up before an agent answered");

        // Out of order: an answer or a hold after the end is refused and changes nothing.
        assertProblem(pbx.send(event("answered", callId)), 409, "call-ended");
        assertProblem(pbx.send(event("held", callId)), 409, "call-ended");
        // A second end is stored and changes nothing.
        assertThat(pbx.send(event("ended", callId)).json().get("outcome").asString())
                .isEqualTo("recorded");
    }

    @Test
    void aHoldBeforeAnAgentAnsweredIsRefusedAndTheCallKeepsWaiting() {
        var team = newTeam();
        var pbx = phoneSystemFor(team);
        var callId = "call-" + UUID.randomUUID();
        pbx.send(event("ringing", callId, "from", PhoneSystem.newNumber()));

        assertProblem(pbx.send(event("held", callId)), 409, "call-not-answered");
        // The phone system's own menu answered: nothing for routing to change.
        assertThat(pbx.send(event("answered", callId)).json().get("outcome").asString())
                .isEqualTo("recorded");

        assertThat(pbx.queue(callId).json().get("state").asString()).isEqualTo("waiting");
    }

    @Test
    void anAnsweredCallIsHeldResumedAndEndedWithItsFactsOnTheCaseTimeline() {
        var team = newTeam();
        var agent = newAgent("agent", team);
        agent.api().send("PUT", "/api/v1/routing/me/presence", Map.of("presence", "available"));
        var pbx = phoneSystemFor(team);
        var callId = "call-" + UUID.randomUUID();
        var rang = pbx.send(event("ringing", callId, "from", PhoneSystem.newNumber()));
        var contactId = rang.json().get("contactId").asString();
        await().atMost(WAIT)
                .until(
                        () -> agent.api()
                                .get("/api/v1/routing/contacts/" + contactId)
                                .json()
                                .get("state")
                                .asString(),
                        "offered"::equals);

        assertThat(pbx.send(event("answered", callId)).json().get("outcome").asString())
                .isEqualTo("applied");
        assertThat(live(agent.api(), contactId).get("contact").get("state").asString())
                .isEqualTo("accepted");
        assertThat(pbx.send(event("held", callId)).status()).isEqualTo(200);
        assertThat(live(agent.api(), contactId).get("hold").isNull()).isFalse();
        assertThat(pbx.send(event("resumed", callId)).status()).isEqualTo(200);
        assertThat(live(agent.api(), contactId).get("hold").isNull()).isTrue();
        var ended = pbx.send(event(
                "ended",
                callId,
                "durationSeconds",
                312,
                "holdSeconds",
                75,
                "recordingUrl",
                "https://pbx.example.com/rec/42.mp3",
                "hungUpBy",
                "customer"));

        assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
        assertThat(agent.api()
                        .get("/api/v1/routing/contacts/" + contactId)
                        .json()
                        .get("state")
                        .asString())
                .isEqualTo("ended");
        var timeline = admin().get("/api/v1/cases/" + rang.json().get("caseId").asString())
                .json()
                .get("timeline");
        var callEnded = stream(timeline)
                .filter(e -> "call_ended".equals(e.path("eventType").asString("")))
                .findFirst()
                .orElseThrow();
        assertThat(callEnded.get("text").asString()).contains("312", "75", "the customer hung up");
        assertThat(callEnded.get("data").toString()).contains("https://pbx.example.com/rec/42.mp3");
        assertThat(timeline.toString()).contains("hold_ended");
    }

    @Test
    void aTwilioStatusCallbackIsCheckedWithTwiliosSignatureAndMapsToCallEvents() {
        var team = newTeam();
        var created = admin().post(
                        "/api/v1/telephony/integrations",
                        Map.of(
                                "name",
                                "Twilio " + UUID.randomUUID(),
                                "kind",
                                "twilio",
                                "teamId",
                                team,
                                "secret",
                                "auth-token-42"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("secret").asString()).isEqualTo("auth-token-42");
        var path = "/api/v1/telephony/twilio/" + created.json().get("id").asString();
        var url = "http://localhost:" + port + path;
        var sid = "CA" + UUID.randomUUID().toString().replace("-", "");
        var number = PhoneSystem.newNumber();
        var ringing = new LinkedHashMap<String, String>();
        ringing.put("CallSid", sid);
        ringing.put("CallStatus", "ringing");
        ringing.put("From", number);
        ringing.put("To", "+18005551212");

        assertProblem(PhoneSystem.twilio(port, path, ringing, "bm90IHRoZSBzaWduYXR1cmU="), 401, "bad-signature");
        var rang = PhoneSystem.twilio(
                port, path, ringing, TwilioAdapter.signature("auth-token-42", url, PhoneSystem.form(ringing)));

        assertThat(rang.status()).as(rang.toString()).isEqualTo(200);
        assertThat(rang.text()).contains("<Response/>");
        var queue =
                admin().get("/api/v1/routing/teams/" + team + "/queue").json().get("contacts");
        assertThat(queue)
                .singleElement()
                .satisfies(c -> assertThat(c.get("channel").asString()).isEqualTo("phone"));

        var noAnswer = Map.of("CallSid", sid, "CallStatus", "no-answer", "CallDuration", "0");
        var ended = PhoneSystem.twilio(
                port, path, noAnswer, TwilioAdapter.signature("auth-token-42", url, PhoneSystem.form(noAnswer)));
        assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
        assertThat(findAbandoned(queue.get(0).get("id").asString())
                        .get("callbackPhone")
                        .asString())
                .isEqualTo(number);
        // Twilio sending the same callback again changes nothing.
        assertThat(PhoneSystem.twilio(
                                port,
                                path,
                                noAnswer,
                                TwilioAdapter.signature("auth-token-42", url, PhoneSystem.form(noAnswer)))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void onlyAdminsAddIntegrationsAndTheSecretIsShownOnce() {
        var team = newTeam();
        var supervisor = newAgent("supervisor", team);

        assertProblem(
                supervisor
                        .api()
                        .post(
                                "/api/v1/telephony/integrations",
                                Map.of("name", "PBX", "kind", "signed", "teamId", team)),
                403,
                "forbidden");
        var created = admin().post(
                        "/api/v1/telephony/integrations",
                        Map.of("name", "PBX " + UUID.randomUUID(), "kind", "signed", "teamId", team));
        assertThat(created.json().get("secret").asString()).hasSizeGreaterThanOrEqualTo(40);

        var listed = admin().get("/api/v1/telephony/integrations");
        assertThat(listed.text()).contains(created.json().get("id").asString());
        assertThat(listed.text()).doesNotContain(created.json().get("secret").asString());
        assertProblem(
                admin().post(
                                "/api/v1/telephony/integrations",
                                Map.of("name", "PBX", "kind", "asterisk", "teamId", team)),
                400,
                "invalid-input");
    }

    private JsonNode findAbandoned(String contactId) {
        return await().atMost(WAIT)
                .until(
                        () -> stream(admin().get("/api/v1/routing/abandoned").json())
                                .filter(a -> contactId.equals(a.get("id").asString()))
                                .findFirst()
                                .orElse(null),
                        java.util.Objects::nonNull);
    }

    private static JsonNode live(Api as, String contactId) {
        return as.get("/api/v1/routing/contacts/" + contactId + "/live").json();
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }
}
