package dev.casekeeper.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a search finds, hit for hit, on a small scripted corpus: four cases of one team (with a
 * reply, a note, tags, customers with an email and a phone number) and one case of another team
 * with the same words. The workspace and the API's {@code q=} give the same answers, and neither
 * shows another team's case to an agent.
 */
class SearchCorpusTests extends ApiTestBase {

    private Caller agent;
    private WebSession browser;
    private final List<Long> corpus = new ArrayList<>();
    private final Map<Long, UUID> ids = new HashMap<>();
    private String activationEmail;
    private String activationPhone;
    private long otherTeamsCase;

    @BeforeEach
    void aScriptedCorpus() {
        var team = newTeam();
        agent = newAgent("agent", team);
        browser = WebSession.anonymous(port).signIn(agent.email(), PASSWORD);
        String run = UUID.randomUUID().toString().substring(0, 8);
        activationEmail = "moore-" + run + "@example.com";
        activationPhone = "+4930" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        var created = admin().post(
                        "/api/v1/customers",
                        Map.of(
                                "displayName",
                                "Successful Moore",
                                "emails",
                                List.of(activationEmail),
                                "phones",
                                List.of(activationPhone)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        corpus.add(open(
                team,
                "Activation key lost after reinstall",
                "I reinstalled my laptop and the activation key is gone.",
                activationEmail,
                "Successful Moore",
                List.of()));
        corpus.add(open(
                team,
                "Wrong order delivered",
                "The parcel contained somebody else's shoes.",
                "ruth-" + run + "@example.com",
                "Ruth Adler",
                List.of()));
        corpus.add(open(
                team,
                "Technician did not come",
                "Nobody turned up on Tuesday.",
                "jonas-" + run + "@example.com",
                "Jonas Berg",
                List.of("vip")));
        corpus.add(open(
                team,
                "Question about my invoice",
                "Why was my subscription charged twice?",
                "ines-" + run + "@example.com",
                "Ines Costa",
                List.of("billing")));
        assertThat(agent.api()
                        .post(
                                "/api/v1/cases/" + id(corpus.get(1)) + "/replies",
                                Map.of("body", "A courier collects them."))
                        .status())
                .isEqualTo(201);
        assertThat(agent.api()
                        .post(
                                "/api/v1/cases/" + id(corpus.get(2)) + "/notes",
                                Map.of("body", "Phoned the dispatcher about the missed visit."))
                        .status())
                .isEqualTo(201);
        otherTeamsCase = open(
                newTeam(),
                "Activation key lost again",
                "The activation key vanished; the dispatcher knows. " + activationEmail,
                "pat-" + run + "@example.com",
                "Pat Lee",
                List.of("vip"));
    }

    @Test
    void eachKindOfSearchFindsExactlyItsCases() {
        assertThat(search("#" + corpus.get(2))).as("a case number").containsExactly(corpus.get(2));
        assertThat(search(activationEmail)).as("the requester's email").containsExactly(corpus.get(0));
        assertThat(search(activationPhone)).as("the requester's phone").containsExactly(corpus.get(0));
        assertThat(search(spaced(activationPhone)))
                .as("a phone number typed with spaces")
                .containsExactly(corpus.get(0));
        assertThat(search("\"activation key\"")).as("a phrase").containsExactly(corpus.get(0));
        assertThat(search("\"key activation\"")).as("the words, not the phrase").isEmpty();
        assertThat(search("reinstalling")).as("a stemmed word of a message").containsExactly(corpus.get(0));
        assertThat(search("delivering")).as("a stemmed word of a subject").containsExactly(corpus.get(1));
        assertThat(search("courier")).as("a word of a reply").containsExactly(corpus.get(1));
        assertThat(search("dispatcher")).as("a word of a note").containsExactly(corpus.get(2));
        assertThat(search("vip")).as("a tag").containsExactly(corpus.get(2));
        assertThat(search("billing")).as("a tag").containsExactly(corpus.get(3));
        assertThat(search("Successful Moore")).as("the requester's name").containsExactly(corpus.get(0));
        assertThat(search("invoi")).as("part of a subject").containsExactly(corpus.get(3));
        assertThat(search("umbrella")).as("nothing").isEmpty();
    }

    @Test
    void anAgentNeverFindsAnotherTeamsCase() {
        for (String q : List.of("activation", "dispatcher", "vip", activationEmail, "#" + otherTeamsCase)) {
            assertThat(numbers(browser.getPart("/views/all?q=" + encode(q)).html()))
                    .as(q)
                    .doesNotContain(otherTeamsCase);
            assertThat(apiSearch(agent, q)).as("API " + q).doesNotContain(otherTeamsCase);
        }
        var supervisor = newAgent("supervisor");
        var asSupervisor = numbers(WebSession.anonymous(port)
                .signIn(supervisor.email(), PASSWORD)
                .getPart("/views/all?q=dispatcher")
                .html());
        assertThat(asSupervisor).contains(otherTeamsCase, corpus.get(2));
    }

    @Test
    void aCaseMarkedAsSpamIsFoundByNoneOfItsWordsEvenByWhoeverSeesEveryCase() {
        String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        long spam = open(
                newTeam(),
                "Cheap watches",
                "Order today: " + word + " watches at half price.",
                "offers-" + word + "@cheap.example",
                "Offers",
                List.of());
        var supervisor =
                WebSession.anonymous(port).signIn(newAgent("supervisor").email(), PASSWORD);
        assertThat(numbers(supervisor.getPart("/views/all?q=" + word).html())).containsExactly(spam);

        var marked = admin().post("/api/v1/cases/" + id(spam) + "/spam", Map.of("blockSender", false));

        assertThat(marked.status()).as(marked.toString()).isEqualTo(200);
        assertThat(numbers(supervisor.getPart("/views/all?q=" + word).html())).isEmpty();
        var api = admin().get("/api/v1/cases?limit=10&q=" + word);
        assertThat(api.json().get("items").size()).as(api.toString()).isZero();
    }

    @Test
    void theApiSearchesWhatTheWorkspaceSearches() {
        assertThat(apiSearch(agent, "dispatcher")).containsExactly(corpus.get(2));
        assertThat(apiSearch(agent, "courier")).containsExactly(corpus.get(1));
        assertThat(apiSearch(agent, activationEmail)).containsExactly(corpus.get(0));
        assertThat(apiSearch(agent, "reinstalling")).containsExactly(corpus.get(0));
    }

    /** The team's view, as the search box asks while typing. */
    private List<Long> search(String q) {
        return numbers(browser.getPart("/views/team?q=" + encode(q)).html());
    }

    /** The agent's own cases the API finds; this test's agent is in one team, so only the corpus is counted. */
    private List<Long> apiSearch(Caller caller, String q) {
        var found = caller.api().get("/api/v1/cases?limit=100&q=" + encode(q));
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        var numbers = new ArrayList<Long>();
        found.json().get("items").forEach(item -> numbers.add(item.get("number").asLong()));
        numbers.removeIf(n -> !corpus.contains(n) && n != otherTeamsCase);
        return numbers;
    }

    private static List<Long> numbers(Document page) {
        return page.select("#results tr[data-number]").eachAttr("data-number").stream()
                .map(Long::parseLong)
                .toList();
    }

    private static String spaced(String phone) {
        return phone.substring(0, 3) + " " + phone.substring(3, 5) + " " + phone.substring(5);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private UUID id(long number) {
        return ids.get(number);
    }

    private long open(UUID team, String subject, String body, String email, String name, List<String> tags) {
        var created = admin().post(
                        "/api/v1/cases",
                        Map.of(
                                "subject",
                                subject,
                                "requester",
                                Map.of("email", email, "name", name),
                                "message",
                                Map.of("body", body),
                                "tags",
                                tags,
                                "teamId",
                                team));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long number = created.json().get("number").asLong();
        ids.put(number, UUID.fromString(created.json().get("id").asString()));
        return number;
    }
}
