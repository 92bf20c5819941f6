package dev.casekeeper.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.CasekeeperApplication;
import dev.casekeeper.agents.AgentId;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseIntake;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.Priority;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.NotFoundException;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.Concurrently;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application instances on one database, many contacts arriving at once through both, agents
 * accepting, declining, ending and going on break through both: the offer history shows no contact
 * ever offered to two agents at once and no agent ever past capacity.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutingClusterTests extends ApiTestBase {

    private static final int CONTACTS = 120;
    private static final int AGENTS = 6;
    private static final int CAPACITY = 2;

    @Autowired
    ApplicationContext context;

    @Autowired
    AgentManagement agents;

    @Autowired
    CaseManagement cases;

    @Autowired
    CaseIntake intake;

    @Autowired
    CaseLookup lookup;

    @Autowired
    JdbcClient jdbc;

    private ConfigurableApplicationContext secondNode;
    private Node routing;
    private Node otherRouting;

    /** Routing's facades on one node. */
    private record Node(PresenceManagement presence, QueueManagement queues, LiveContactManagement liveContacts) {

        static Node of(ApplicationContext context) {
            return new Node(
                    context.getBean(PresenceManagement.class),
                    context.getBean(QueueManagement.class),
                    context.getBean(LiveContactManagement.class));
        }
    }

    @BeforeAll
    void startASecondNode() {
        secondNode = new SpringApplicationBuilder(CasekeeperApplication.class)
                .profiles("test")
                .properties("server.port=0")
                .run();
        routing = Node.of(context);
        otherRouting = Node.of(secondNode);
    }

    @AfterAll
    void stopTheSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    @Test
    void manyConcurrentArrivalsOnTwoNodesNeverOfferAContactTwiceAtOnceNorFillAnAgentPastCapacity() throws Exception {
        var given = new RoutingFixture(agents, intake, routing.presence(), routing.queues());
        var team = given.team();
        var staff = new ArrayList<AgentId>();
        for (int i = 0; i < AGENTS; i++) {
            staff.add(given.agent(team, CAPACITY));
        }
        var caseIds = new ArrayList<CaseId>();
        for (int i = 0; i < CONTACTS; i++) {
            caseIds.add(given.openCase(team, i % 5 == 0 ? Priority.HIGH : Priority.NORMAL));
        }

        var arrivals = new AtomicInteger();
        var handled = new AtomicInteger();
        try (var desks = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var deadline = Instant.now().plus(Duration.ofSeconds(90));
            for (int i = 0; i < AGENTS; i++) {
                var agent = staff.get(i);
                var through = i % 2 == 0 ? routing : otherRouting;
                var breaks = i == 0;
                desks.submit(() -> work(agent, through, breaks, handled, deadline));
            }
            Concurrently.run(CONTACTS, () -> {
                int n = arrivals.getAndIncrement();
                var node = n % 2 == 0 ? routing : otherRouting;
                return node.queues()
                        .enqueue(new EnqueueContact(
                                caseIds.get(n), RoutedChannel.CHAT, team, Set.of(), null, null, null));
            });
        }

        assertThat(handled.get()).as("contacts accepted and ended").isEqualTo(CONTACTS);
        var teamContacts = "select id from routing.contact where team_id = '" + team.value() + "'";
        assertThat(count("select count(*) from routing.contact where state = 'ended' and id in (" + teamContacts + ")"))
                .isEqualTo(CONTACTS);
        assertThat(count("""
                select count(*) from routing.offer a join routing.offer b on a.contact_id = b.contact_id and a.id <> b.id
                where a.contact_id in (%s)
                  and a.seq < coalesce(b.released_seq, 9223372036854775807)
                  and b.seq < coalesce(a.released_seq, 9223372036854775807)
                """.formatted(teamContacts)))
                .as("pairs of offers of one contact open at once")
                .isZero();
        assertThat(count("""
                select count(*) from routing.offer o
                where o.contact_id in (%s)
                  and (select count(*) from routing.offer p
                       where p.agent_id = o.agent_id and p.channel = o.channel
                         and p.seq <= o.seq and (p.released_seq is null or p.released_seq > o.seq)) > %d
                """.formatted(teamContacts, CAPACITY)))
                .as("offers that took an agent past capacity")
                .isZero();
        assertThat(count("select count(*) from routing.offer where outcome = 'accepted' and contact_id in ("
                        + teamContacts + ")"))
                .isEqualTo(CONTACTS);
        assertThat(count("select count(*) from routing.offer where contact_id in (" + teamContacts + ")"))
                .as("some offers were declined or withdrawn and made again")
                .isGreaterThan(CONTACTS);
        for (var agent : staff) {
            assertThat(routing.presence().agent(agent).chatLoad()).isZero();
        }
    }

    /**
     * One agent's desk: accepts most offers, declines some, ends what it accepted; the first agent
     * also takes short breaks, which withdraws its open offers. Alternates nothing: each agent works
     * through one node, half of them through each.
     */
    private Void work(AgentId agent, Node through, boolean takesBreaks, AtomicInteger handled, Instant deadline) {
        var random = ThreadLocalRandom.current();
        through.presence().setPresence(agent, dev.casekeeper.routing.Presence.AVAILABLE);
        while (handled.get() < CONTACTS && Instant.now().isBefore(deadline)) {
            for (var contact : through.queues().contactsOf(agent)) {
                try {
                    if (contact.state() == ContactState.ACCEPTED) {
                        through.liveContacts().end(contact.id());
                        handled.incrementAndGet();
                    } else if (random.nextInt(5) == 0) {
                        through.queues().decline(contact.offerId(), agent);
                    } else {
                        through.queues().accept(contact.offerId(), agent);
                    }
                } catch (ConflictException | NotFoundException e) {
                    // The offer was withdrawn or answered meanwhile: the next look shows what is left.
                }
            }
            if (takesBreaks && random.nextInt(10) == 0) {
                through.presence().setPresence(agent, dev.casekeeper.routing.Presence.ON_BREAK);
                through.presence().setPresence(agent, dev.casekeeper.routing.Presence.AVAILABLE);
            }
            Thread.onSpinWait();
        }
        return null;
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    static List<UUID> ids(List<TeamId> teams) {
        return teams.stream().map(TeamId::value).toList();
    }
}
