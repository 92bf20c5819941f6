package dev.casekeeper.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.CreateAgent;
import dev.casekeeper.agents.Role;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseIntake;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.ChangeCase;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.cases.InboundMessage;
import dev.casekeeper.cases.Sender;
import dev.casekeeper.cases.TransferCase;
import dev.casekeeper.routing.ChangeAgentRouting;
import dev.casekeeper.routing.Contact;
import dev.casekeeper.routing.ContactState;
import dev.casekeeper.routing.EnqueueContact;
import dev.casekeeper.routing.LiveContactManagement;
import dev.casekeeper.routing.Presence;
import dev.casekeeper.routing.PresenceManagement;
import dev.casekeeper.routing.QueueManagement;
import dev.casekeeper.routing.RoutedChannel;
import dev.casekeeper.shared.Actor;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.MovesTime;
import dev.casekeeper.support.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The figures of a small scripted desk, moved through time by the test clock, against values worked
 * out by hand. The clock is real time plus the test's jumps, so a figure may exceed the scripted one
 * by the moment the calls themselves take: the checks allow five seconds for that.
 */
@MovesTime
class ReportMetricsTests extends ApiTestBase {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final double SLACK = 5.0;

    @Autowired
    AgentManagement agents;

    @Autowired
    CaseIntake intake;

    @Autowired
    CaseManagement cases;

    @Autowired
    PresenceManagement presence;

    @Autowired
    QueueManagement queues;

    @Autowired
    LiveContactManagement liveContacts;

    @Autowired
    Reports reports;

    @Test
    void countsCasesAndTheMedianAndNinetiethPercentileOfResponseAndResolutionTimes() {
        var team = agents.createTeam("Reports " + UUID.randomUUID()).id();
        var alice = agent(team, Role.AGENT);
        var bruno = agent(team, Role.AGENT);
        var first = open(team);
        var second = open(team);
        var third = open(team);
        for (var kase : List.of(first, second, third)) {
            cases.assign(kase, alice.id(), alice);
        }

        advance(Duration.ofMinutes(10));
        cases.reply(first, "Here is your new activation key.", null, alice);
        advance(Duration.ofMinutes(20));
        cases.reply(second, "I am looking into the charge.", null, alice);
        advance(Duration.ofMinutes(20));
        cases.reply(third, "The parcel is on its way back to us.", null, alice);
        cases.transfer(third, new TransferCase(bruno.id(), null, "Returns are Bruno's", "Parcel on its way"), alice);
        advance(Duration.ofMinutes(10));
        solve(first, alice);
        advance(Duration.ofMinutes(120));
        solve(second, alice);
        cases.change(second, new ChangeCase(CaseStatus.OPEN, null, null), alice);
        advance(Duration.ofMinutes(60));
        solve(second, alice);

        var total = await().atMost(WAIT)
                .until(() -> teamTotal(team), m -> m.created() == 3 && m.solved() == 2 && m.reopened() == 1);

        // First responses after 600, 1800 and 3000 s: the median is the middle one; the 90th
        // percentile lies 0.8 of the way from 1800 to 3000 (percentile_cont over 3 values).
        assertThat(total.firstResponseMedian()).isCloseTo(1800.0, within(SLACK));
        assertThat(total.firstResponseP90()).isCloseTo(2760.0, within(SLACK));
        // Solved after 3600 s and (the second, solved again after reopening) 14400 s.
        assertThat(total.resolutionMedian()).isCloseTo(9000.0, within(SLACK));
        assertThat(total.resolutionP90()).isCloseTo(13320.0, within(SLACK));
        assertThat(total.transfers()).isEqualTo(1);
        assertThat(total.transfersPerCase()).isCloseTo(1.0 / 3, within(0.001));
        assertThat(total.transferredMoreThanOnce()).isZero();
        assertThat(total.firstResponseMet()).isEqualTo(3);

        // Bruno owns the transferred case now; Alice the other two.
        var bruns = reports.report(request(null, bruno.id().value()), bruno).total();
        assertThat(bruns.created()).isEqualTo(1);
        assertThat(bruns.firstResponseMedian()).isCloseTo(3000.0, within(SLACK));
    }

    @Test
    void countsHandleAndHoldTimesHoldsOverTheLimitAndAbandonedContacts() {
        var team = agents.createTeam("Reports live " + UUID.randomUUID()).id();
        var agent = agent(team, Role.AGENT);
        presence.change(agent.id(), new ChangeAgentRouting(Set.of(), 3, null));
        presence.setPresence(agent.id(), Presence.AVAILABLE);
        var contact = accepted(team, agent.id());

        advance(Duration.ofSeconds(30));
        liveContacts.hold(contact.id(), agent);
        advance(Duration.ofSeconds(61));
        liveContacts.resume(contact.id(), agent);
        advance(Duration.ofSeconds(60));
        liveContacts.end(contact.id());

        var nobody =
                agents.createTeam("Reports unanswered " + UUID.randomUUID()).id();
        var waiting = chat(nobody);
        advance(Duration.ofSeconds(45));
        queues.abandon(waiting.id(), null, null);

        var live = await().atMost(WAIT).until(() -> teamTotal(team), m -> m.contacts() == 1 && m.holds() == 1);
        // Answered, then 30 s talking, 61 s on hold (past the 60 s limit), 60 s talking.
        assertThat(live.handleMedian()).isCloseTo(151.0, within(SLACK));
        assertThat(live.holdsOverLimit()).isEqualTo(1);
        assertThat(live.holdPerContact()).isCloseTo(61.0, within(SLACK));
        assertThat(live.abandoned()).isZero();

        var unanswered = await().atMost(WAIT).until(() -> teamTotal(nobody), m -> m.abandoned() == 1);
        assertThat(unanswered.abandonedWaitMedian()).isCloseTo(45.0, within(SLACK));
        assertThat(unanswered.abandonmentRate()).isEqualTo(1.0);
    }

    private Metrics teamTotal(TeamId team) {
        var admin = agents.signedIn(agents.list().stream()
                        .filter(a -> a.role() == Role.ADMIN)
                        .findFirst()
                        .orElseThrow()
                        .id())
                .orElseThrow();
        return reports.report(request(team.value(), null), admin).total();
    }

    private ReportRequest request(UUID team, UUID agent) {
        // Around today, whatever the desk's zone and however far the test moved the clock.
        var today = reports.today();
        return new ReportRequest(
                today.minusDays(2).toString(),
                today.plusDays(2).toString(),
                "day",
                team == null ? null : team.toString(),
                agent == null ? null : agent.toString(),
                null,
                null);
    }

    private SignedInAgent agent(TeamId team, Role role) {
        var agent = agents.create(
                new CreateAgent("reports-" + UUID.randomUUID() + "@casekeeper.test", "Agent", PASSWORD, role));
        agents.setTeams(agent.id(), List.of(team));
        return agents.signedIn(agent.id()).orElseThrow();
    }

    private CaseId open(TeamId team) {
        var message = InboundMessage.newCase(
                        "Activation key " + UUID.randomUUID(), "My key is gone.", Channel.EMAIL, Actor.SYSTEM)
                .withTeam(team);
        return intake.receive(message, Sender.email("report-" + UUID.randomUUID() + "@example.com", "Maria Lopez"))
                .summary()
                .id();
    }

    private void solve(CaseId kase, SignedInAgent by) {
        cases.change(kase, new ChangeCase(CaseStatus.SOLVED, null, null), by);
    }

    private Contact chat(TeamId team) {
        return queues.enqueue(new EnqueueContact(open(team), RoutedChannel.CHAT, team, Set.of(), null, null, null));
    }

    private Contact accepted(TeamId team, AgentId agent) {
        var queued = chat(team);
        Predicate<Contact> offered = c -> c.state() == ContactState.OFFERED;
        var offer = await().atMost(WAIT).until(() -> queues.contact(queued.id()), offered);
        return queues.accept(offer.offerId(), agent);
    }

    private static void advance(Duration by) {
        TestClock.INSTANCE.advance(by);
    }
}
