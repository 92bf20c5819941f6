package dev.casekeeper.macros;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.casekeeper.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Placeholders in canned responses: filled in once, unknown ones refused, HTML escaped. */
class MacroTextTests {

    private final MacroFacts maria =
            new MacroFacts("Maria Lopez", null, "maria@example.com", 1042, "Activation key lost", "Sam Okafor");

    @Test
    void fillsInEveryPlaceholder() {
        String text = MacroText.render(
                "Hi {{customer.name}} ({{ customer.email }}), case #{{case.number}} “{{case.subject}}” — {{agent.name}}, {{agent.firstName}}",
                maria);

        assertThat(text)
                .isEqualTo("Hi Maria Lopez (maria@example.com), case #1042 “Activation key lost” — Sam Okafor, Sam");
    }

    @Test
    void thePreferredNameFallsBackToTheName() {
        var called = new MacroFacts("Robert Miller", "Bobbie", "", 7, "", "Sam");

        assertThat(MacroText.render("Hi {{customer.preferredName}}", called)).isEqualTo("Hi Bobbie");
        assertThat(MacroText.render("Hi {{customer.preferredName}}", maria)).isEqualTo("Hi Maria Lopez");
    }

    @Test
    void aValueThatLooksLikeAPlaceholderStaysAsItIs() {
        var odd = new MacroFacts("{{agent.name}}", null, "", 1, "$1 \\ refund", "Sam");

        assertThat(MacroText.render("{{customer.name}}: {{case.subject}}", odd))
                .isEqualTo("{{agent.name}}: $1 \\ refund");
    }

    @Test
    void refusesUnknownPlaceholdersNamingThemAndTheKnownOnes() {
        assertThatThrownBy(() -> MacroText.check("Dear {{customer.nmae}}, about {{case.id}}"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.fieldErrors()).containsOnlyKeys("body");
                    assertThat(e.fieldErrors().get("body"))
                            .startsWith(
                                    "uses unknown placeholders {{customer.nmae}}, {{case.id}}; the known ones are {{customer.name}}");
                });
    }

    @Test
    void refusesAPlaceholderLeftOpen() {
        assertThatThrownBy(() -> MacroText.check("Dear {{customer.name}, thanks"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not closed");
    }

    @Test
    void listsThePlaceholdersATextUsesOnce() {
        assertThat(MacroText.check("{{agent.name}} {{case.number}} {{agent.name}} and no others"))
                .containsExactly(Placeholder.AGENT_NAME, Placeholder.CASE_NUMBER);
    }

    @Test
    void asHtmlEverythingIsEscapedAndParagraphsKept() {
        assertThat(MacroText.html("Hi <b>Bob</b> & co,\nthanks.\n\n<script>alert(1)</script>"))
                .isEqualTo(
                        "<p>Hi &lt;b&gt;Bob&lt;/b&gt; &amp; co,<br>thanks.</p><p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
    }
}
