package dev.casekeeper.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.knowledge.Article;
import dev.casekeeper.knowledge.HelpCenter;
import dev.casekeeper.knowledge.KnowledgeManagement;
import dev.casekeeper.knowledge.Visibility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo desk has the seed stories' protocols for agents and public articles for the help center,
 * published once however often it starts; the activation-key protocol never sends the customer to a
 * new email address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class DemoKnowledgeTests {

    @Autowired
    DemoKnowledge demo;

    @Autowired
    KnowledgeManagement knowledge;

    @Autowired
    HelpCenter help;

    @Test
    void theDemoDeskHasProtocolsAndPublicArticlesPublishedOnce() {
        demo.run(new DefaultApplicationArguments());

        for (var protocol : DemoKnowledge.PROTOCOLS) {
            var found = knowledge.list(protocol.title(), null, 50).stream()
                    .filter(a -> a.title().equals(protocol.title()))
                    .toList();
            assertThat(found).as(protocol.title()).hasSize(1);
            assertThat(found.getFirst().visibility()).isEqualTo(Visibility.INTERNAL);
            assertThat(found.getFirst().isPublished()).isTrue();
        }
        assertThat(knowledge
                        .list("Protocol: lost activation key", null, 50)
                        .getFirst()
                        .body())
                .contains("Never ask her to create a new email address");
        assertThat(help.search("activation key", "en", 10).stream().map(Article::title))
                .contains("I lost my activation key")
                .noneMatch(title -> title.startsWith("Protocol"));
        assertThat(help.search("zurücksenden", "de", 10).stream().map(Article::title))
                .contains("Eine Bestellung zurücksenden");
    }
}
