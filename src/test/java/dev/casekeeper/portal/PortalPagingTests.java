package dev.casekeeper.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.WebSession;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A customer with more requests than a page holds (and more than the 200 the list used to stop at)
 * reaches every one of them: "My requests" pages newest first, and "My data" gives all of them.
 */
class PortalPagingTests extends PortalTestBase {

    private static final int CASES = 205;

    @Test
    void myRequestsPagesThroughEveryCaseNewestFirstAndMyDataHoldsThemAll() {
        var maria = newCustomer("Maria Lopez");
        var numbers = new ArrayList<Long>();
        for (int i = 0; i < CASES; i++) {
            numbers.add(openCaseFor(maria, "Request " + i, "Message " + i).getValue());
        }
        var session = signIn(maria);

        var seen = new ArrayList<Long>();
        String path = "/portal";
        int pages = 0;
        while (path != null) {
            var page = session.get(path).html();
            var rows = page.select("#requests li[data-number]");
            assertThat(rows).hasSizeLessThanOrEqualTo(PortalCases.PAGE);
            rows.forEach(row -> seen.add(Long.parseLong(row.attr("data-number"))));
            var older = page.select("a#older");
            path = older.isEmpty() ? null : older.attr("href");
            pages++;
            if (pages > 1) {
                assertThat(page.select("a#newest").attr("href")).isEqualTo("/portal");
            }
        }

        assertThat(pages).isEqualTo((CASES + PortalCases.PAGE - 1) / PortalCases.PAGE);
        assertThat(seen).containsExactlyElementsOf(numbers.reversed());

        var export = JsonMapper.builder()
                .build()
                .readTree(session.get("/portal/data/export", Map.of("Accept", "application/json"))
                        .body());
        var exported = new HashSet<Long>();
        export.get("cases")
                .valueStream()
                .forEach(c -> exported.add(c.get("number").asLong()));
        assertThat(exported).containsExactlyInAnyOrderElementsOf(numbers);
        assertThat(export.get("customer").get("id").asString())
                .isEqualTo(maria.id().toString());
    }

    @Test
    void aCursorFromAnotherCustomersListShowsOnlyHerOwnCases() {
        var maria = newCustomer("Maria Lopez");
        for (int i = 0; i < PortalCases.PAGE + 1; i++) {
            openCaseFor(maria, "Maria's request " + i, "Private " + i);
        }
        var lee = newCustomer("Lee Chen");
        long lees = openCaseFor(lee, "Lee's request", "Mine").getValue();
        String older = signIn(maria).get("/portal").html().select("a#older").attr("href");
        assertThat(older).startsWith("/portal?after=");

        var page = signIn(lee).get(older);

        assertThat(page.body()).doesNotContain("Maria's request");
        assertThat(page.html().select("#requests li[data-number]").eachAttr("data-number"))
                .allMatch(number -> Long.parseLong(number) == lees);
    }

    @Test
    void aCursorThatIsNotOursStartsAgainFromTheNewest() {
        var maria = newCustomer("Maria Lopez");
        openCaseFor(maria, "Lost key", "My key is gone.");
        WebSession session = signIn(maria);

        var page = session.get("/portal?after=not-a-cursor");

        assertThat(page.location()).endsWith("/portal");
        assertThat(List.of(page.status())).containsAnyOf(302, 303);
    }
}
