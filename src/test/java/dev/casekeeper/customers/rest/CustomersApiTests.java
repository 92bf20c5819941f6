package dev.casekeeper.customers.rest;

import static dev.casekeeper.support.ProblemAssertions.assertProblem;
import static dev.casekeeper.support.ProblemAssertions.fieldsNamed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.Api;
import dev.casekeeper.support.ApiTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CustomersApiTests extends ApiTestBase {

    /**
     * The fields module's field definitions were also a record named FieldResponse: springdoc keeps
     * one schema per simple name, so the document described a customer's fields as field definitions.
     */
    @Test
    void theApiDocumentDescribesACustomersFieldsAsTheyAreReturned() {
        var schemas = anonymous().get("/v3/api-docs").json().get("components").get("schemas");

        String ref = schemas.get("CustomerResponse")
                .get("properties")
                .get("fields")
                .get("additionalProperties")
                .get("$ref")
                .asString();
        var field = schemas.get(ref.substring(ref.lastIndexOf('/') + 1));

        assertThat(field.get("properties").propertyNames())
                .containsExactlyInAnyOrder("value", "setBy", "setById", "lockedForAgents", "setAt");
        assertThat(schemas.get("FieldResponse").get("properties").propertyNames())
                .contains("apiKey", "requiredToSolve");
    }

    @Test
    void createsCustomerWithNormalisedEmailAndPhone() {
        var agent = newAgent("agent");
        String email = "Paula.Key-" + UUID.randomUUID() + "@Example.COM";
        String phone = "+1 (555) " + digits(3) + "-" + digits(4);

        var created = agent.api()
                .post(
                        "/api/v1/customers",
                        Map.of("displayName", "Paula Key", "emails", List.of(email), "phones", List.of(phone)));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/v1/customers/" + id(created));
        var read = agent.api().get("/api/v1/customers/" + id(created)).json();
        assertThat(read.get("displayName").asString()).isEqualTo("Paula Key");
        assertThat(strings(read.get("emails"))).containsExactly(email.toLowerCase());
        assertThat(strings(read.get("phones"))).containsExactly(phone.replaceAll("[ ()\\-]", ""));
    }

    @Test
    void storesTheUsualWayOfWritingAPhoneNumberAsDigitsWithItsPlus() {
        var agent = newAgent("agent");
        // A number nobody else in this test run uses: the test needs exactly this spelling.
        String phone = "+1 (555) 010-2030";

        var created =
                agent.api().post("/api/v1/customers", Map.of("displayName", "Ines Callback", "phones", List.of(phone)));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(strings(created.json().get("phones"))).containsExactly("+15550102030");
    }

    @Test
    void refusesAnEmailThatBelongsToAnotherCustomerAndCreatesNothing() {
        var agent = newAgent("agent");
        String email = uniqueEmail();
        String otherEmail = uniqueEmail();
        assertThat(createCustomer(agent.api(), "First Owner", email).status()).isEqualTo(201);

        var refused = agent.api()
                .post(
                        "/api/v1/customers",
                        Map.of("displayName", "Second Owner", "emails", List.of(otherEmail, email.toUpperCase())));

        assertProblem(refused, 409, "identity-taken");
        assertThat(search(agent.api(), otherEmail)).isEmpty();
        assertThat(search(agent.api(), email))
                .extracting(c -> c.get("displayName").asString())
                .containsExactly("First Owner");
    }

    @Test
    void refusesAPhoneThatBelongsToAnotherCustomerHoweverItIsWritten() {
        var agent = newAgent("agent");
        String digits = "555" + digits(7);
        var first =
                agent.api().post("/api/v1/customers", Map.of("displayName", "Phone Owner", "phones", List.of(digits)));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        String otherEmail = uniqueEmail();

        var refused = agent.api()
                .post(
                        "/api/v1/customers",
                        Map.of(
                                "displayName", "Phone Taker",
                                "emails", List.of(otherEmail),
                                "phones",
                                        List.of(digits.substring(0, 3) + "-" + digits.substring(3, 6) + " "
                                                + digits.substring(6))));

        assertProblem(refused, 409, "identity-taken");
        assertThat(search(agent.api(), otherEmail)).isEmpty();
    }

    @Test
    void refusesAnInvalidEmailNamingTheField() {
        var agent = newAgent("agent");
        String name = "Nobody " + UUID.randomUUID();

        var refused = agent.api()
                .post(
                        "/api/v1/customers",
                        Map.of("displayName", name, "emails", List.of(uniqueEmail(), "paula at example dot com")));

        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).containsExactly("emails[1]");
        assertThat(search(agent.api(), name)).isEmpty();
    }

    @Test
    void refusesAnInvalidPhoneNamingTheField() {
        var agent = newAgent("agent");

        var refused = agent.api().post("/api/v1/customers", Map.of("phones", List.of("call me maybe")));

        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).containsExactly("phones[0]");
    }

    @Test
    void refusesACustomerWithoutAnyWayToReachThem() {
        var refused = newAgent("agent").api().post("/api/v1/customers", Map.of("displayName", "Unreachable"));

        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).containsExactly("emails");
    }

    @Test
    void findsCustomerByEmailInAnyCase() {
        var agent = newAgent("agent");
        String email = uniqueEmail();
        String id = id(createCustomer(agent.api(), "Maria Lopez", email));

        assertThat(search(agent.api(), email.toUpperCase()))
                .extracting(c -> c.get("id").asString())
                .containsExactly(id);
    }

    @Test
    void findsCustomerByPhoneDigitsHoweverTheyAreTyped() {
        var agent = newAgent("agent");
        String number = "+44 20 " + digits(4) + " " + digits(4);
        var created = agent.api().post("/api/v1/customers", Map.of("displayName", "Caller", "phones", List.of(number)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String digits = number.replaceAll("[^0-9]", "");

        assertThat(search(agent.api(), digits.substring(2)))
                .extracting(c -> c.get("id").asString())
                .contains(id(created));
        assertThat(search(agent.api(), number))
                .extracting(c -> c.get("id").asString())
                .containsExactly(id(created));
    }

    @Test
    void findsCustomerByPartOfTheirName() {
        var agent = newAgent("agent");
        String surname = "Quistorpwel" + letters(8);
        String id = id(createCustomer(agent.api(), "Helga " + surname + " Brandt", uniqueEmail()));

        assertThat(search(agent.api(), surname.toLowerCase()))
                .extracting(c -> c.get("id").asString())
                .containsExactly(id);
    }

    @Test
    void pagesThroughSearchResultsWithACursorNewestFirst() {
        var agent = newAgent("agent");
        String domain = "pages-" + UUID.randomUUID() + ".example.com";
        var created = new ArrayList<String>();
        for (int i = 1; i <= 5; i++) {
            created.add(id(createCustomer(agent.api(), "Paged Customer " + i, "c" + i + "@" + domain)));
        }

        var seen = new ArrayList<String>();
        String cursor = null;
        int pages = 0;
        do {
            var page = agent.api()
                    .get("/api/v1/customers?limit=2&q=" + domain + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            assertThat(page.json().get("items").size()).isLessThanOrEqualTo(2);
            page.json().get("items").forEach(c -> seen.add(c.get("id").asString()));
            cursor = page.json().get("nextCursor").isNull()
                    ? null
                    : page.json().get("nextCursor").asString();
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(created.reversed());
    }

    @Test
    void refusesACursorItDidNotIssue() {
        var refused = newAgent("agent").api().get("/api/v1/customers?cursor=not-a-cursor");

        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).containsExactly("cursor");
    }

    @Test
    void recordsThatAnAgentSetAField() {
        var agent = newAgent("agent");
        String id = id(createCustomer(agent.api(), "Sam Doe", uniqueEmail()));

        var changed = agent.api().patch("/api/v1/customers/" + id, Map.of("fields", Map.of("language", "es")));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        var language =
                agent.api().get("/api/v1/customers/" + id).json().get("fields").get("language");
        assertThat(language.get("value").asString()).isEqualTo("es");
        assertThat(language.get("setBy").asString()).isEqualTo("agent");
        assertThat(language.get("lockedForAgents").asBoolean()).isFalse();
    }

    /** From the seeds: an agent twice switched a customer's gender to the opposite of what she selected. */
    @Test
    void refusesAnAgentChangingTheGenderTheCustomerDeclaredAndChangesNothing() {
        var agent = newAgent("agent");
        String id = id(createCustomer(agent.api(), "Dana Reyes", uniqueEmail()));
        var declared = admin().patch(
                        "/api/v1/customers/" + id,
                        Map.of("fields", Map.of("gender", "female"), "declaredBy", "customer"));
        assertThat(declared.status()).as(declared.toString()).isEqualTo(200);
        var before = agent.api().get("/api/v1/customers/" + id).json();
        int historyBefore =
                agent.api().get("/api/v1/customers/" + id + "/history").json().size();

        var refused = agent.api()
                .patch(
                        "/api/v1/customers/" + id,
                        Map.of("displayName", "Dan Reyes", "fields", Map.of("gender", "male", "language", "en")));

        assertProblem(refused, 409, "customer-declared-field");
        assertThat(refused.json().get("detail").asString()).contains("gender");
        var after = agent.api().get("/api/v1/customers/" + id).json();
        assertThat(after.get("fields").get("gender").get("value").asString()).isEqualTo("female");
        assertThat(after.get("fields").get("gender").get("setBy").asString()).isEqualTo("customer");
        assertThat(after.get("fields").has("language")).isFalse();
        assertThat(after.get("displayName").asString()).isEqualTo("Dana Reyes");
        assertThat(after).isEqualTo(before);
        assertThat(agent.api()
                        .get("/api/v1/customers/" + id + "/history")
                        .json()
                        .size())
                .isEqualTo(historyBefore);
    }

    @Test
    void refusesAnAgentRemovingAFieldTheCustomerDeclared() {
        var agent = newAgent("agent");
        String id = id(createCustomer(agent.api(), "Kim Park", uniqueEmail()));
        declareAsCustomer(id, "pronouns", "they/them");

        var refused = agent.api().patch("/api/v1/customers/" + id, Map.of("fields", Map.of("pronouns", "")));

        assertProblem(refused, 409, "customer-declared-field");
        assertThat(field(agent.api(), id, "pronouns").get("value").asString()).isEqualTo("they/them");
    }

    @Test
    void keepsTheFieldTheCustomersWhenAnAgentSendsTheSameValueAgain() {
        var agent = newAgent("agent");
        String id = id(createCustomer(agent.api(), "Dana Reyes", uniqueEmail()));
        declareAsCustomer(id, "gender", "female");

        var resent = agent.api().patch("/api/v1/customers/" + id, Map.of("fields", Map.of("gender", "female")));

        assertThat(resent.status()).as(resent.toString()).isEqualTo(200);
        assertThat(field(agent.api(), id, "gender").get("setBy").asString()).isEqualTo("customer");
        assertProblem(
                agent.api().patch("/api/v1/customers/" + id, Map.of("fields", Map.of("gender", "male"))),
                409,
                "customer-declared-field");
        assertThat(field(agent.api(), id, "gender").get("value").asString()).isEqualTo("female");
    }

    @Test
    void letsTheCustomerChangeWhatTheyDeclaredAndWhatAnAgentSet() {
        var agent = newAgent("agent");
        String id = id(createCustomer(agent.api(), "Alex Moreau", uniqueEmail()));
        agent.api().patch("/api/v1/customers/" + id, Map.of("fields", Map.of("preferredName", "Alexander")));

        declareAsCustomer(id, "preferredName", "Alex");
        declareAsCustomer(id, "preferredName", "Lex");

        var preferredName = field(agent.api(), id, "preferredName");
        assertThat(preferredName.get("value").asString()).isEqualTo("Lex");
        assertThat(preferredName.get("setBy").asString()).isEqualTo("customer");
        assertThat(preferredName.get("lockedForAgents").asBoolean()).isTrue();
    }

    @Test
    void refusesAnAgentSpeakingForTheCustomer() {
        var agent = newAgent("agent");
        String id = id(createCustomer(agent.api(), "Lee Chan", uniqueEmail()));

        var refused = agent.api()
                .patch("/api/v1/customers/" + id, Map.of("fields", Map.of("gender", "male"), "declaredBy", "customer"));

        assertProblem(refused, 403, "forbidden");
        assertThat(agent.api()
                        .get("/api/v1/customers/" + id)
                        .json()
                        .get("fields")
                        .has("gender"))
                .isFalse();
    }

    @Test
    void refusesAFieldCustomersDoNotDeclare() {
        var agent = newAgent("agent");
        String id = id(createCustomer(agent.api(), "Lee Chan", uniqueEmail()));

        var refused = agent.api()
                .patch("/api/v1/customers/" + id, Map.of("displayName", "Lee C.", "fields", Map.of("shoeSize", "42")));

        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).containsExactly("fields.shoeSize");
        assertThat(agent.api()
                        .get("/api/v1/customers/" + id)
                        .json()
                        .get("displayName")
                        .asString())
                .isEqualTo("Lee Chan");
    }

    @Test
    void refusesADeclaredByThatIsNeitherCustomerNorAgent() {
        var agent = newAgent("agent");
        String id = id(createCustomer(agent.api(), "Lee Chan", uniqueEmail()));

        var refused = admin().patch(
                        "/api/v1/customers/" + id, Map.of("fields", Map.of("gender", "male"), "declaredBy", "robot"));

        assertProblem(refused, 400, "invalid-input");
        assertThat(fieldsNamed(refused)).containsExactly("declaredBy");
    }

    @Test
    void listsEveryChangeWithActorBeforeAndAfter() {
        var agent = newAgent("agent");
        String id = id(createCustomer(agent.api(), "Robin Vale", uniqueEmail()));
        agent.api()
                .patch(
                        "/api/v1/customers/" + id,
                        Map.of("displayName", "Robin Valentine", "fields", Map.of("language", "fr")));
        agent.api().patch("/api/v1/customers/" + id, Map.of("fields", Map.of("language", "de")));
        declareAsCustomer(id, "pronouns", "she/her");

        var history = agent.api().get("/api/v1/customers/" + id + "/history");

        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json().values())
                .extracting(
                        c -> c.get("actorKind").asString(),
                        c -> c.get("actorId").asString(),
                        c -> c.get("field").asString(),
                        c -> text(c.get("before")),
                        c -> text(c.get("after")))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "agent", agent.id().toString(), "displayName", "Robin Vale", "Robin Valentine"),
                        org.assertj.core.groups.Tuple.tuple("agent", agent.id().toString(), "language", null, "fr"),
                        org.assertj.core.groups.Tuple.tuple("agent", agent.id().toString(), "language", "fr", "de"),
                        org.assertj.core.groups.Tuple.tuple("customer", id, "pronouns", null, "she/her"));
        assertThat(history.json().values())
                .allSatisfy(c -> assertThat(c.get("at").asString()).isNotBlank());
    }

    @Test
    void addsAnIdentityToACustomer() {
        var agent = newAgent("agent");
        String id = id(createCustomer(agent.api(), "Theo Brandt", uniqueEmail()));
        String second = uniqueEmail();

        var added = agent.api()
                .post(
                        "/api/v1/customers/" + id + "/identities",
                        Map.of("kind", "email", "value", second.toUpperCase(), "verified", true));

        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(strings(added.json().get("emails"))).contains(second);
        assertThat(search(agent.api(), second))
                .extracting(c -> c.get("id").asString())
                .containsExactly(id);
        assertThat(added.json().get("identities").values())
                .filteredOn(i -> i.get("value").asString().equals(second))
                .singleElement()
                .satisfies(i -> assertThat(i.get("verified").asBoolean()).isTrue());
    }

    @Test
    void refusesAnIdentityThatBelongsToAnotherCustomer() {
        var agent = newAgent("agent");
        String taken = uniqueEmail();
        createCustomer(agent.api(), "Owner", taken);
        String id = id(createCustomer(agent.api(), "Other", uniqueEmail()));

        var refused =
                agent.api().post("/api/v1/customers/" + id + "/identities", Map.of("kind", "email", "value", taken));

        assertProblem(refused, 409, "identity-taken");
        assertThat(strings(agent.api().get("/api/v1/customers/" + id).json().get("emails")))
                .doesNotContain(taken);
    }

    @Test
    void refusesAnIdentityOfUnknownKindOrShapeNamingTheField() {
        var agent = newAgent("agent");
        String id = id(createCustomer(agent.api(), "Other", uniqueEmail()));

        var badKind =
                agent.api().post("/api/v1/customers/" + id + "/identities", Map.of("kind", "fax", "value", "12345"));
        var badValue = agent.api()
                .post("/api/v1/customers/" + id + "/identities", Map.of("kind", "phone", "value", "not a phone"));

        assertProblem(badKind, 400, "invalid-input");
        assertThat(fieldsNamed(badKind)).containsExactly("kind");
        assertProblem(badValue, 400, "invalid-input");
        assertThat(fieldsNamed(badValue)).containsExactly("value");
    }

    @Test
    void answersNotFoundForAnUnknownCustomer() {
        var agent = newAgent("agent");
        String unknown = UUID.randomUUID().toString();

        assertProblem(agent.api().get("/api/v1/customers/" + unknown), 404, "not-found");
        assertProblem(agent.api().patch("/api/v1/customers/" + unknown, Map.of("displayName", "X")), 404, "not-found");
        assertProblem(agent.api().get("/api/v1/customers/" + unknown + "/history"), 404, "not-found");
    }

    private void declareAsCustomer(String customerId, String field, String value) {
        var declared = admin().patch(
                        "/api/v1/customers/" + customerId,
                        Map.of("fields", Map.of(field, value), "declaredBy", "customer"));
        assertThat(declared.status()).as(declared.toString()).isEqualTo(200);
    }

    private static JsonNode field(Api api, String customerId, String field) {
        return api.get("/api/v1/customers/" + customerId).json().get("fields").get(field);
    }

    private static Api.Response createCustomer(Api api, String name, String email) {
        var created = api.post("/api/v1/customers", Map.of("displayName", name, "emails", List.of(email)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created;
    }

    private static List<JsonNode> search(Api api, String q) {
        var found = api.get(
                "/api/v1/customers?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        return List.copyOf(found.json().get("items").values());
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    private static String id(Api.Response created) {
        return created.json().get("id").asString();
    }

    private static String uniqueEmail() {
        return "customer-" + UUID.randomUUID() + "@example.com";
    }

    private static String digits(int count) {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        var digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }

    private static String letters(int count) {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        var letters = new StringBuilder();
        for (int i = 0; i < count; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        return letters.toString();
    }
}
