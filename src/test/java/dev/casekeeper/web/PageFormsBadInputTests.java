package dev.casekeeper.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.WebSession;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every form a page posts, found in the application's request mappings, with a NUL in each of its
 * text fields: answered with the form's errors or an error page a person can read, never a 500,
 * and the case it was posted on reads the same. New forms are covered without remembering them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageFormsBadInputTests extends ApiTestBase {

    private static final String NUL = "Probe\u0000 text";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private WebSession browser;
    private String caseId;
    private long number;

    @BeforeAll
    void aCaseAndAnAdminOnIt() {
        var admin = newAgent("admin", newTeam());
        var created = admin.api()
                .post(
                        "/api/v1/cases",
                        Map.of(
                                "subject",
                                "Page forms probe",
                                "requester",
                                Map.of("email", "pages-" + UUID.randomUUID() + "@example.com"),
                                "message",
                                Map.of("body", "Hello")));
        caseId = created.json().get("id").asString();
        number = created.json().get("number").asLong();
        browser = WebSession.anonymous(port).signIn(admin.email(), PASSWORD);
        browser.get("/cases/" + number);
    }

    record PageForm(String method, String pattern, Map<String, String> fields) {
        @Override
        public String toString() {
            return method + " " + pattern + " " + fields.keySet();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyPageFormAnswersNulReadablyAndChangesNothing() {
        return forms().map(form -> DynamicTest.dynamicTest(form.toString(), () -> {
            String before = admin().get("/api/v1/cases/" + caseId).text();
            String path = form.pattern()
                    .replace("{number}", Long.toString(number))
                    .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());

            var response = browser.postPart(path, form.fields());

            assertThat(response.status()).as(form + " → " + response).isBetween(200, 499);
            assertThat(response.text()).as(form + " → " + response).doesNotContain("Something went wrong");
            assertThat(admin().get("/api/v1/cases/" + caseId).text())
                    .as("the case after " + form)
                    .isEqualTo(before);
        }));
    }

    /** Page forms with at least one text field: their request parameters and the text fields of their form records. */
    private Stream<PageForm> forms() {
        return mappings.getHandlerMethods().entrySet().stream()
                .flatMap(entry -> entry.getKey().getPatternValues().stream()
                        .filter(pattern -> !pattern.startsWith("/api/") && !pattern.startsWith("/actuator"))
                        .flatMap(pattern -> entry.getKey().getMethodsCondition().getMethods().stream()
                                .filter(method -> !method.name().equals("GET"))
                                .map(method -> new PageForm(method.name(), pattern, textFields(entry.getValue())))))
                .filter(form -> !form.fields().isEmpty())
                .sorted(java.util.Comparator.comparing(PageForm::toString));
    }

    private static Map<String, String> textFields(HandlerMethod handler) {
        var fields = new LinkedHashMap<String, String>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            var requestParam = parameter.getParameterAnnotation(RequestParam.class);
            if (requestParam != null && parameter.getParameterType() == String.class) {
                fields.put(requestParam.name().isEmpty() ? parameter.getParameterName() : requestParam.name(), NUL);
            } else if (parameter.getParameterType().isRecord()
                    && !parameter.hasParameterAnnotation(AuthenticationPrincipal.class)) {
                for (var component : parameter.getParameterType().getRecordComponents()) {
                    if (component.getType() == String.class) {
                        fields.put(component.getName(), NUL);
                    }
                }
            }
        }
        return fields;
    }
}
