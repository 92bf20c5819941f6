package dev.casekeeper.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.cases.CaseFilter;
import dev.casekeeper.cases.CaseIntake;
import dev.casekeeper.cases.CaseLookup;
import dev.casekeeper.cases.CaseManagement;
import dev.casekeeper.cases.CaseSummary;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.cases.InboundMessage;
import dev.casekeeper.cases.Sender;
import dev.casekeeper.notifications.NotificationManagement;
import dev.casekeeper.notifications.Notify;
import dev.casekeeper.support.ApiTestBase;
import dev.casekeeper.support.CodeCatalog;
import dev.casekeeper.support.SampleEvents;
import dev.casekeeper.support.WebSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every text a page shows comes from the message bundle: no template holds words of its own, in
 * its text or in attributes people read (placeholder, title, labels), and every message key a
 * template names exists. The messages are ICU patterns that say a case number without grouping and
 * a count without "(s)"; and the pages as they render, on the demo desk with every kind of timeline
 * event and notification, show no internal key, no unresolved message and no grouped case number.
 */
class TemplateTextTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern WORDS = Pattern.compile("\\p{L}{2,}");
    private static final List<String> READ_ATTRIBUTES = List.of("placeholder", "title", "aria-label", "alt", "label");
    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([a-zA-Z0-9.\\-_]+)[}(]");

    @Test
    void templatesHoldNoLiteralText() throws IOException {
        var found = new ArrayList<String>();
        for (Path template : templates()) {
            var document = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
            for (Element element : document.getAllElements()) {
                if (element.tagName().equals("script")
                        || element.tagName().equals("style")
                        || element.tagName().equals("kbd")) {
                    continue;
                }
                for (TextNode text : element.textNodes()) {
                    if (WORDS.matcher(text.text()).find() && !replaced(element)) {
                        found.add(TEMPLATES.relativize(template) + ": text '"
                                + text.text().strip() + "'");
                    }
                }
                for (String attribute : READ_ATTRIBUTES) {
                    if (WORDS.matcher(element.attr(attribute)).find()) {
                        found.add(TEMPLATES.relativize(template) + ": " + attribute + "='" + element.attr(attribute)
                                + "'");
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void everyMessageKeyATemplateNamesExists() throws IOException {
        // Every bundle in spring.messages.basename: messages.properties and one per capability.
        var messages = new Properties();
        try (Stream<Path> bundles = Files.list(Path.of("src/main/resources/i18n"))) {
            for (Path bundle :
                    bundles.filter(f -> f.toString().endsWith(".properties")).toList()) {
                try (var in = Files.newBufferedReader(bundle)) {
                    messages.load(in);
                }
            }
        }
        var missing = new ArrayList<String>();
        for (Path template : templates()) {
            var matcher = MESSAGE_KEY.matcher(Files.readString(template));
            while (matcher.find()) {
                if (!messages.containsKey(matcher.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + matcher.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyMessageIsAnIcuPatternThatSaysCaseNumbersWithoutGroupingAndCountsWithoutParentheses() throws IOException {
        var wrong = new ArrayList<String>();
        messages().forEach((key, value) -> {
            String text = value.toString();
            if (text.contains("(s)")) {
                wrong.add(key + ": a plural is written “(s)”; use {n, plural, one {…} other {…}}");
            }
            // "#{0}" is a case number; ICU would write 1010 as "1,010".
            var number = CASE_NUMBER_ARGUMENT.matcher(text);
            while (number.find()) {
                if (!number.group(2).equals(",number,::group-off")
                        && !number.group(2).equals(",number,#")) {
                    wrong.add(key + ": case number " + number.group() + " is grouped; write #{" + number.group(1)
                            + ",number,::group-off}");
                }
            }
            try {
                // A message with no argument is shown as written, never parsed.
                if (ARGUMENT.matcher(text).find()) {
                    new com.ibm.icu.text.MessageFormat(text, java.util.Locale.ENGLISH);
                }
            } catch (IllegalArgumentException e) {
                wrong.add(key + ": not an ICU message pattern: " + e.getMessage());
            }
        });
        assertThat(wrong).isEmpty();
    }

    /**
     * The bundles of one language are read as one: a key written twice (in one file, or in two
     * modules' files) silently shows only the last text, wherever the first was meant.
     */
    @Test
    void noMessageKeyIsWrittenTwiceForOneLanguage() throws IOException {
        var seen = new java.util.HashMap<String, String>();
        var twice = new ArrayList<String>();
        try (Stream<Path> bundles = Files.list(Path.of("src/main/resources/i18n"))) {
            for (Path bundle : bundles.filter(f -> f.toString().endsWith(".properties"))
                    .sorted()
                    .toList()) {
                String name = bundle.getFileName().toString();
                String language =
                        name.matches(".*_[a-z]{2}\\.properties") ? name.replaceAll(".*(_[a-z]{2}).*", "$1") : "";
                var keys = new Properties() {
                    @Override
                    public synchronized Object put(Object key, Object value) {
                        String earlier = seen.putIfAbsent(language + " " + key, name);
                        if (earlier != null) {
                            twice.add(key + " in " + earlier + " and " + name);
                        }
                        return super.put(key, value);
                    }
                };
                try (var in = Files.newBufferedReader(bundle)) {
                    keys.load(in);
                }
            }
        }
        assertThat(twice).isEmpty();
    }

    /** Every notification kind and timeline event type the code writes has words on the page. */
    @Test
    void everyNotificationKindHasALabel() throws IOException {
        var messages = messages();
        assertThat(CodeCatalog.notificationKinds())
                .filteredOn(kind -> !messages.containsKey("notifications.kind." + kind))
                .isEmpty();
    }

    /**
     * The pages as a supervisor of the demo desk sees them, with one timeline event of every type
     * and one notification of every kind. Every case number of the demo is past 1000.
     */
    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @ActiveProfiles({"test", "demo"})
    class RenderedPages {

        private static final Pattern EVENT_KEY = Pattern.compile("\\b[a-z]+_[a-z_]+\\b");
        private static final Pattern GROUPED_CASE_NUMBER = Pattern.compile("#\\d{1,3},\\d{3}");
        private static final Pattern UNRESOLVED = Pattern.compile("\\?\\?[\\w.\\-]+\\?\\?");
        private static final Pattern PERSON = Pattern.compile("\\bYou (holds|has|is|was)\\b");

        @LocalServerPort
        int port;

        @Autowired
        AgentManagement agents;

        @Autowired
        CaseManagement cases;

        @Autowired
        CaseLookup lookup;

        @Autowired
        CaseIntake intake;

        @Autowired
        JdbcClient jdbc;

        @Autowired
        NotificationManagement notifications;

        @Test
        void showNoKeyNoUnresolvedMessageNoGroupedCaseNumberAndNoHedgedPlural() throws IOException {
            var grace = agents.authenticate("grace@demo.casekeeper.local", "casekeeper-demo")
                    .orElseThrow();
            var kase = intake.receive(
                            InboundMessage.newCase(
                                    "Every kind of event", "Show me every event.", Channel.API, grace.actor()),
                            Sender.email("events-" + UUID.randomUUID() + "@example.com", "Eve Vent"))
                    .summary();
            var events = SampleEvents.everyKind(grace.id(), grace.name());
            for (var event : events) {
                cases.recordEvent(kase.id(), grace.actor(), event);
            }
            // An event written by a later version, which this one cannot read.
            jdbc.sql("""
                            insert into cases.timeline_entry (id, case_id, kind, author_kind, author_id, event_type, data, created_at)
                            values (gen_random_uuid(), :case, 'event', 'agent', :agent, 'something_new', '{}', now())""")
                    .param("case", kase.id().value())
                    .param("agent", grace.id().value())
                    .update();
            for (String kind : CodeCatalog.notificationKinds()) {
                notifications.notify(Notify.of(
                        Set.of(grace.id()),
                        kind,
                        kase.id().value(),
                        "Case #" + kase.number() + ": something to know",
                        "test:" + UUID.randomUUID()));
            }
            notifications.notify(Notify.of(
                    Set.of(grace.id()),
                    "something_new",
                    kase.id().value(),
                    "Case #" + kase.number(),
                    "test:" + UUID.randomUUID()));

            var web = WebSession.anonymous(port).signIn("grace@demo.casekeeper.local", "casekeeper-demo");
            var admin = WebSession.anonymous(port).signIn(ApiTestBase.ADMIN_EMAIL, ApiTestBase.ADMIN_PASSWORD);
            var paths = new ArrayList<>(List.of(
                    "/",
                    "/views/open",
                    "/views/mine",
                    "/views/unassigned",
                    "/views/all",
                    "/views/heated",
                    "/notifications",
                    "/followups",
                    "/supervisor/queues",
                    "/approvals",
                    "/account"));
            var adminPaths = List.of(
                    "/admin/agents",
                    "/admin/teams",
                    "/admin/tokens",
                    "/admin/calendars",
                    "/admin/policies",
                    "/admin/macros",
                    "/admin/mailboxes",
                    "/admin/actions");
            paths.addAll(adminPaths);
            for (var c : lookup.list(CaseFilter.none(), grace, null, 200).items()) {
                if (c.number() == kase.number() || c.requesterId() != null && isDemo(c)) {
                    for (String part : List.of("", "/contact", "/sla", "/followups", "/feedback", "/actions")) {
                        paths.add("/cases/" + c.number() + part);
                    }
                }
            }
            var signalKeys = messages().keySet().stream()
                    .map(Object::toString)
                    .filter(k -> k.startsWith("assist.signal.") && k.contains("-"))
                    .map(k -> k.substring("assist.signal.".length()))
                    .toList();
            var leaks = new ArrayList<String>();
            for (String path : paths) {
                var page = (adminPaths.contains(path) ? admin : web).get(path);
                assertThat(page.status()).as(path).isEqualTo(200);
                var html = page.html();
                html.select("script, style, template, textarea, input").remove();
                var shown = new ArrayList<String>();
                shown.add(html.body().text());
                html.select("[aria-label], [title], [placeholder], [alt]").forEach(e -> {
                    for (String attribute : List.of("aria-label", "title", "placeholder", "alt")) {
                        shown.add(e.attr(attribute));
                    }
                });
                for (String text : shown) {
                    for (var pattern : List.of(EVENT_KEY, GROUPED_CASE_NUMBER, UNRESOLVED, PERSON)) {
                        var found = pattern.matcher(text);
                        while (found.find()) {
                            leaks.add(path + ": " + found.group());
                        }
                    }
                    if (text.contains("(s)")) {
                        leaks.add(path + ": (s)");
                    }
                    signalKeys.stream().filter(text::contains).forEach(k -> leaks.add(path + ": " + k));
                }
            }
            assertThat(leaks).isEmpty();
            // Every kind of event reads as its own sentence; only the one this version does not know is "updated".
            var lines = web.get("/cases/" + kase.number()).html().select("#timeline .entry-event > p:first-child");
            assertThat(lines.eachText()).hasSizeGreaterThan(events.size());
            assertThat(lines.eachText())
                    .filteredOn(t -> t.endsWith("updated the case"))
                    .hasSize(1);
        }

        private boolean isDemo(CaseSummary c) {
            return c.subject() != null && DEMO_SUBJECTS.stream().anyMatch(c.subject()::startsWith);
        }
    }

    private static final List<String> DEMO_SUBJECTS = List.of(
            "Software stopped",
            "What I ordered",
            "Cable technician",
            "Shower curtain",
            "Return",
            "Charged twice",
            "All my photos",
            "How do I change");
    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d");
    private static final Pattern CASE_NUMBER_ARGUMENT = Pattern.compile("#\\{(\\d+)([^}]*)}");

    private static Properties messages() throws IOException {
        var messages = new Properties();
        try (Stream<Path> bundles = Files.list(Path.of("src/main/resources/i18n"))) {
            for (Path bundle :
                    bundles.filter(f -> f.toString().endsWith(".properties")).toList()) {
                try (var in = Files.newBufferedReader(bundle)) {
                    messages.load(in);
                }
            }
        }
        return messages;
    }

    /**
     * Text inside an element whose content Thymeleaf replaces is never shown. A page's {@code html}
     * element is replaced by its layout, which shows the page's parts: that does not count.
     */
    private static boolean replaced(Element element) {
        for (Element e = element; e != null; e = e.parent()) {
            if (e.hasAttr("th:text")
                    || e.hasAttr("th:utext")
                    || (!e.tagName().equals("html") && (e.hasAttr("th:replace") || e.hasAttr("th:insert")))) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
    }
}
