package dev.casekeeper.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import dev.casekeeper.routing.ChangeAgentRouting;
import dev.casekeeper.routing.ContactState;
import dev.casekeeper.routing.EnqueueContact;
import dev.casekeeper.routing.LiveContactManagement;
import dev.casekeeper.routing.Presence;
import dev.casekeeper.routing.PresenceManagement;
import dev.casekeeper.routing.QueueManagement;
import dev.casekeeper.routing.RoutedChannel;
import dev.casekeeper.shared.Actor;
import dev.casekeeper.support.ApiTestBase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reports' facts are written in the transaction of the change they count (ADR 0021): they are
 * there the moment the change's call returns, and no event publication is written for them, so
 * opening a case costs the registry nothing for reports. Completed publications are deleted at
 * once, so a trigger keeps a copy of every publication written while this class runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FactsWithTheChangeTests extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

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

    @BeforeAll
    void copyEveryPublicationWritten() {
        jdbc.sql("create table if not exists public.test_reports_publication (listener_id text)")
                .update();
        jdbc.sql("""
                        create or replace function public.test_copy_reports_publication() returns trigger
                        language plpgsql as $$
                        begin
                            insert into public.test_reports_publication values (new.listener_id);
                            return new;
                        end $$""").update();
        jdbc.sql("drop trigger if exists test_copy_reports_publication on event_publication")
                .update();
        jdbc.sql("""
                        create trigger test_copy_reports_publication after insert on event_publication
                        for each row execute function public.test_copy_reports_publication()""").update();
    }

    @AfterAll
    void stopCopying() {
        jdbc.sql("drop trigger if exists test_copy_reports_publication on event_publication")
                .update();
        jdbc.sql("drop function if exists public.test_copy_reports_publication()")
                .update();
        jdbc.sql("drop table if exists public.test_reports_publication").update();
    }

    @Test
    void casesOpenedThroughTheApiHaveTheirFactsAtOnceAndWriteNoPublicationForReports() {
        var team = newTeam();
        var opened = List.of(
                openCase(admin(), team, "Charged twice for one order"),
                openCase(admin(), team, "Parcel never arrived"),
                openCase(admin(), team, "Activation key lost"));

        for (var kase : opened) {
            assertThat(status(kase)).isEqualTo("new");
        }
        assertThat(reportsPublications()).isEmpty();
    }

    @Test
    void aCaseWorkedAndSolvedHasItsFactsWithEachChangeAndNoPublicationForReports() {
        var team = agents.createTeam("Facts " + UUID.randomUUID()).id();
        var alice = agent(team);
        var kase = open(team);

        cases.assign(kase, alice.id(), alice);
        assertThat(agentOf(kase)).isEqualTo(alice.id().value());
        cases.reply(kase, "Here is your new activation key.", null, alice);
        assertThat(firstResponse(kase)).isNotNull();
        cases.change(kase, new ChangeCase(CaseStatus.SOLVED, null, null), alice);
        assertThat(status(kase.value())).isEqualTo("solved");
        cases.change(kase, new ChangeCase(CaseStatus.OPEN, null, null), alice);
        assertThat(moments(kase, "reopened")).isEqualTo(1);
        // A change of tags alone has no event of its own: the facts follow it all the same.
        cases.change(kase, new ChangeCase(null, null, List.of("billing")), alice);
        assertThat(jdbc.sql("select array_to_string(tags, ',') from reports.case_fact where case_id = :id")
                        .param("id", kase.value())
                        .query(String.class)
                        .single())
                .isEqualTo("billing");

        assertThat(reportsPublications()).isEmpty();
    }

    @Test
    void aLiveContactHasItsFactWithItsAcceptanceAndItsEndAndNoPublicationForReports() {
        var team = agents.createTeam("Facts live " + UUID.randomUUID()).id();
        var alice = agent(team);
        presence.change(alice.id(), new ChangeAgentRouting(Set.of(), 3, null));
        presence.setPresence(alice.id(), Presence.AVAILABLE);
        var queued =
                queues.enqueue(new EnqueueContact(open(team), RoutedChannel.CHAT, team, Set.of(), null, null, null));
        var offered = await().atMost(Duration.ofSeconds(30))
                .until(() -> queues.contact(queued.id()), c -> c.state() == ContactState.OFFERED);

        queues.accept(offered.offerId(), alice.id());
        assertThat(contactFact(queued.id().value()))
                .containsEntry("outcome", "accepted")
                .containsEntry("ended_at", null);
        liveContacts.end(queued.id());
        assertThat(contactFact(queued.id().value()).get("ended_at")).isNotNull();

        assertThat(reportsPublications()).isEmpty();
    }

    private List<String> reportsPublications() {
        return jdbc.sql("""
                        select listener_id from public.test_reports_publication
                        where listener_id like 'dev.casekeeper.reports.%'""").query(String.class).list();
    }

    private String status(UUID kase) {
        return jdbc.sql("select status from reports.case_fact where case_id = :id")
                .param("id", kase)
                .query(String.class)
                .optional()
                .orElse("no facts");
    }

    private UUID agentOf(CaseId kase) {
        return jdbc.sql("select agent_id from reports.case_fact where case_id = :id")
                .param("id", kase.value())
                .query(UUID.class)
                .single();
    }

    private Long firstResponse(CaseId kase) {
        return jdbc.sql("select first_response_secs from reports.case_fact where case_id = :id")
                .param("id", kase.value())
                .query(Long.class)
                .single();
    }

    private long moments(CaseId kase, String kind) {
        return jdbc.sql("select count(*) from reports.case_moment where case_id = :id and kind = :kind")
                .param("id", kase.value())
                .param("kind", kind)
                .query(Long.class)
                .single();
    }

    private Map<String, Object> contactFact(UUID contact) {
        return jdbc.sql("select outcome, ended_at from reports.contact_fact where contact_id = :id")
                .param("id", contact)
                .query()
                .singleRow();
    }

    private SignedInAgent agent(TeamId team) {
        var agent = agents.create(
                new CreateAgent("facts-" + UUID.randomUUID() + "@casekeeper.test", "Agent", PASSWORD, Role.AGENT));
        agents.setTeams(agent.id(), List.of(team));
        return agents.signedIn(agent.id()).orElseThrow();
    }

    private CaseId open(TeamId team) {
        var message = InboundMessage.newCase(
                        "Activation key " + UUID.randomUUID(), "My key is gone.", Channel.EMAIL, Actor.SYSTEM)
                .withTeam(team);
        return intake.receive(message, Sender.email("facts-" + UUID.randomUUID() + "@example.com", "Maria Lopez"))
                .summary()
                .id();
    }
}
