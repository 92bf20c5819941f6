package dev.casekeeper.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.assist.AssistManagement;
import dev.casekeeper.assist.HeatedCase;
import dev.casekeeper.cases.CaseDetail;
import dev.casekeeper.cases.CaseFilter;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.CaseStatus;
import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.cases.DeliveryState;
import dev.casekeeper.cases.EntryKind;
import dev.casekeeper.cases.OwnerChange;
import dev.casekeeper.cases.TimelineEntry;
import dev.casekeeper.cases.TimelineEvent;
import dev.casekeeper.customers.ChangeCustomer;
import dev.casekeeper.customers.Customer;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.customers.IdentityKind;
import dev.casekeeper.shared.ConflictException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

// On a port, like the demo tests of pages, so one demo application serves them all.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class DemoDataTests {

    @Autowired
    DemoData demoData;

    @Autowired
    AgentManagement agents;

    @Autowired
    CustomerManagement customers;

    @Autowired
    CaseManagement cases;

    @Autowired
    CaseLookup lookup;

    @Autowired
    AssistManagement assist;

    @Test
    void transfersTheActivationKeyCaseWithASummarySoTheCustomerNeedNotRepeatHerself() {
        var detail = detail(ActivationKeyStory.SUBJECT);

        assertThat(detail.handover()).isNotNull();
        assertThat(detail.handover().summary()).contains("activation key", "backup CD", "hotmail");
        assertThat(detail.handover().reason()).isNotBlank();
        assertThat(detail.handover().toAgentId()).isEqualTo(signIn("priya").id());
        assertThat(detail.summary().ownerId()).isEqualTo(signIn("priya").id());
        assertThat(lookup.owners(detail.summary().id(), supervisor()))
                .extracting(OwnerChange::type)
                .containsExactly("assigned", "transferred");
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void everyChatOfTheDemoLooksAsItIsAnEndedChatNeverALiveOneWaitingForNobody() {
        var chats = demoCases().stream()
                .filter(c -> c.channel() == dev.casekeeper.cases.Channel.CHAT)
                .toList();
        assertThat(chats).hasSizeGreaterThanOrEqualTo(2);
        for (var kase : chats) {
            var states = jdbc.sql("select state from chat.conversation where case_id = :c")
                    .param("c", kase.id().value())
                    .query(String.class)
                    .list();
            assertThat(states).as(kase.subject()).containsExactly("ended");
            // Its transcript holds the case's messages and replies, numbered, then the end.
            var lines = jdbc.sql(
                            "select coalesce(event, author) from chat.message m join chat.conversation c on c.id = m.conversation_id "
                                    + "where c.case_id = :c order by seq")
                    .param("c", kase.id().value())
                    .query(String.class)
                    .list();
            assertThat(lines).first().isEqualTo("customer");
            assertThat(lines).last().isEqualTo("ended");
        }
    }

    @Test
    void keepsTheGenderTheCustomerDeclaredAgainstAnAgent() {
        var customer = customers
                .findByIdentity(IdentityKind.EMAIL, ActivationKeyStory.EMAIL)
                .orElseThrow();
        assertThat(customer.fields().get("gender").value()).isEqualTo("female");
        assertThat(customer.fields().get("gender").declaredByCustomer()).isTrue();

        assertThatThrownBy(() -> customers.change(
                        customer.id(),
                        new ChangeCustomer(null, Map.of("gender", "male")),
                        signIn("tom").actor()))
                .isInstanceOf(ConflictException.class);

        assertThat(customers.find(customer.id()).fields().get("gender").value()).isEqualTo("female");
    }

    @Test
    void fillsALivingQueueWithEveryStatusTeamsAndUnassignedCases() {
        var demo = demoCases();

        assertThat(demo).extracting(CaseSummary::status).containsAll(List.of(CaseStatus.values()));
        assertThat(demo).filteredOn(c -> c.ownerId() == null).hasSizeGreaterThanOrEqualTo(3);
        assertThat(demo.stream()
                        .map(CaseSummary::teamId)
                        .filter(Objects::nonNull)
                        .distinct())
                .hasSizeGreaterThanOrEqualTo(4);
        assertThat(demo.stream().map(CaseSummary::priority).distinct()).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void tellsTheSeedStories() {
        assertThat(detail(OrderStories.WRONG_ORDER_SUBJECT).summary().status()).isEqualTo(CaseStatus.ON_HOLD);
        assertThat(detail(SupportStories.CABLE_SUBJECT).summary().ownerId()).isNull();
        assertThat(detail("Shower curtain").summary().status()).isEqualTo(CaseStatus.SOLVED);
        var socks = detail(ReturnsStories.SOCKS_SUBJECT);
        assertThat(socks.summary().status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(socks.timeline())
                .filteredOn(e -> e.kind() == EntryKind.MESSAGE_OUT)
                .extracting(TimelineEntry::bodyText)
                .containsExactly(ReturnsStories.SOCKS_NEXT_STEPS);
        assertThat(socks.timeline())
                .filteredOn(e -> e.event() instanceof TimelineEvent.PromiseRecorded
                        || e.event() instanceof TimelineEvent.PromiseKept)
                .extracting(e -> e.event().getClass().getSimpleName())
                .containsExactly("PromiseRecorded", "PromiseKept");
        assertThat(socks.timeline())
                .filteredOn(e -> e.event() instanceof TimelineEvent.PromiseRecorded)
                .extracting(e -> e.event(TimelineEvent.PromiseRecorded.class).text())
                .containsExactly(ReturnsStories.SOCKS_PROMISE);
    }

    @Test
    void tellsTheCallOfTheCustomerLeftOnHoldUntilSheHungUpWithACallbackOwed() {
        var held = detail("Call from +15550142");

        assertThat(held.summary().channel()).isEqualTo(Channel.PHONE);
        assertThat(held.timeline())
                .filteredOn(e -> e.event() instanceof TimelineEvent.CallEnded)
                .singleElement()
                .satisfies(e -> {
                    var call = e.event(TimelineEvent.CallEnded.class);
                    assertThat(call.answered()).isTrue();
                    assertThat(call.held()).isEqualTo(Duration.ofMinutes(10));
                    assertThat(call.hungUpBy()).isEqualTo("customer");
                });
        assertThat(held.timeline())
                .filteredOn(e -> e.kind() == EntryKind.NOTE)
                .extracting(TimelineEntry::bodyText)
                .anyMatch(text -> text.contains("left on hold for ten minutes"));
        assertThat(detail("Call from +1 555 0177").summary().channel()).isEqualTo(Channel.PHONE);
    }

    @Test
    void everyCaseTheDemoGuideCallsHeatedIsInTheSupervisorsHeatedView() throws IOException {
        // The rows of the table in docs/demo.md: | subject | status | what it shows |
        var heatedInTheGuide = Files.readAllLines(Path.of("docs/demo.md")).stream()
                .filter(line -> line.startsWith("| ")
                        && line.split("\\|").length > 3
                        && line.split("\\|")[3].contains("heated"))
                .map(line -> line.split("\\|")[1].strip())
                .toList();
        assertThat(heatedInTheGuide).contains(ReturnsStories.RETURN_REFUSED_SUBJECT);

        for (String subject : heatedInTheGuide) {
            var id = detail(subject).summary().id();
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(assist.heatedCases(supervisor(), 1000))
                            .as("the Heated view holds “%s”", subject)
                            .extracting(HeatedCase::caseId)
                            .contains(id));
        }
    }

    @Test
    void answersNoCaseOnAChannelTheDemoDeskCannotSendOn() {
        // The demo desk has no mailbox: a reply on an email case would show "Not delivered".
        assertThat(storyCases())
                .filteredOn(c -> c.channel() == Channel.EMAIL)
                .extracting(CaseSummary::subject)
                .isEmpty();
        assertThat(storyCases().stream().flatMap(c -> lookup.find(c.id(), supervisor()).timeline().stream()))
                .filteredOn(e -> e.kind() == EntryKind.MESSAGE_OUT && e.delivery() != null)
                .extracting(e -> e.delivery().state())
                .doesNotContain(DeliveryState.FAILED);
    }

    @Test
    void promisesTheCustomerOnlyWhatTheDeskDoes() {
        // Next steps tell the customer how they will hear, with what the desk does: the promised email,
        // not a status page that does not exist.
        var socks = detail(ReturnsStories.SOCKS_SUBJECT);
        assertThat(ReturnsStories.SOCKS_NEXT_STEPS)
                .contains("email you the return label")
                .doesNotContainIgnoringCase("website");
        assertThat(storyCases().stream().flatMap(c -> lookup.find(c.id(), supervisor()).timeline().stream()))
                .filteredOn(e -> e.kind() == EntryKind.MESSAGE_OUT)
                .extracting(TimelineEntry::bodyText)
                .noneMatch(text -> text.toLowerCase(java.util.Locale.ROOT).contains("check the status"));
        assertThat(socks.timeline())
                .filteredOn(e -> e.event() instanceof TimelineEvent.PromiseKept)
                .hasSize(1);
    }

    @Test
    void loadsNothingTheSecondTime() {
        int agentsBefore = agents.list().size();
        int teamsBefore = agents.teams().size();
        int casesBefore = allCases().size();
        int customersBefore = customers.search(null, null, 1000).items().size();

        demoData.run(new DefaultApplicationArguments());

        assertThat(agents.list()).hasSize(agentsBefore);
        assertThat(agents.teams()).hasSize(teamsBefore);
        assertThat(allCases()).hasSize(casesBefore);
        assertThat(customers.search(null, null, 1000).items()).hasSize(customersBefore);
    }

    private CaseDetail detail(String subject) {
        // A search finds the case by part of its subject, and other cases that share its words: keep the one.
        var found =
                lookup
                        .list(new CaseFilter(null, null, null, null, null, subject), supervisor(), null, 100)
                        .items()
                        .stream()
                        .filter(kase -> kase.subject()
                                .toLowerCase(java.util.Locale.ROOT)
                                .contains(subject.toLowerCase(java.util.Locale.ROOT)))
                        .toList();
        assertThat(found).as(subject).hasSize(1);
        return lookup.find(found.getFirst().id(), supervisor());
    }

    /** The cases the demo's stories tell (other tests write as demo customers too, in the shared database). */
    private List<CaseSummary> storyCases() {
        var subjects = java.util.Set.of(
                ActivationKeyStory.SUBJECT,
                OrderStories.WRONG_ORDER_SUBJECT,
                OrderStories.DOUBLE_CHARGE_SUBJECT,
                "How do I change my delivery address?",
                SupportStories.CABLE_SUBJECT,
                "All my photos are blurry",
                "Shower curtain in the wrong colour",
                ReturnsStories.SOCKS_SUBJECT,
                ReturnsStories.RETURN_REFUSED_SUBJECT);
        var told =
                demoCases().stream().filter(c -> subjects.contains(c.subject())).toList();
        assertThat(told).extracting(CaseSummary::subject).containsExactlyInAnyOrderElementsOf(subjects);
        return told;
    }

    /** The demo's cases: those of the demo customers, whatever other tests put in the shared database. */
    private List<CaseSummary> demoCases() {
        var demoCustomers = customers.search("@demo.example", null, 1000).items().stream()
                .map(Customer::id)
                .collect(Collectors.toSet());
        return allCases().stream()
                .filter(c -> demoCustomers.contains(c.requesterId()))
                .toList();
    }

    private List<CaseSummary> allCases() {
        var all = new ArrayList<CaseSummary>();
        String cursor = null;
        do {
            var page = lookup.list(CaseFilter.none(), supervisor(), cursor, 200);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    private SignedInAgent supervisor() {
        return signIn("grace");
    }

    private SignedInAgent signIn(String key) {
        return agents.authenticate(key + "@demo.casekeeper.local", DemoStaff.PASSWORD)
                .orElseThrow();
    }
}
