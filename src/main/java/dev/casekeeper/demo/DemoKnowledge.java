package dev.casekeeper.demo;

import dev.casekeeper.agents.Agent;
import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.Role;
import dev.casekeeper.knowledge.ArticleState;
import dev.casekeeper.knowledge.KnowledgeManagement;
import dev.casekeeper.knowledge.SaveArticle;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With the {@code demo} profile, gives the desk a knowledge base drawn from the seed stories: the
 * internal protocols that would have saved them (the lost activation key verified on the existing
 * account, the wrong order answered with what we can do, the late technician, returns) and a few
 * public articles for the help center, one of them also in German. Published by the first admin when
 * the desk does not have them yet, so what agents changed since is never overwritten.
 */
@Component
@Profile("demo")
@Order(Ordered.LOWEST_PRECEDENCE)
class DemoKnowledge implements ApplicationRunner {

    private static SaveArticle article(
            String title,
            String summary,
            String body,
            String category,
            String section,
            String visibility,
            List<String> tags) {
        return new SaveArticle(title, summary, body, "en", category, section, tags, visibility, null, null, null);
    }

    static final List<SaveArticle> PROTOCOLS = List.of(
            article(
                    "Protocol: lost activation key",
                    "Verify the customer on the account she already has and resend the key there. Never ask for a new email address.",
                    """
                    A customer who lost her activation key (a reinstall, a new computer, a lost disc) already
                    bought the product: our job is to get the key back to her, on the account she has.

                    ## Steps

                    1. Find the licence on **her existing account**: by the email address she writes from,
                       her name, or the order number.
                    2. Verify her: she confirms the order number, or the last four digits of the card, or
                       answers from the address on the account.
                    3. Reissue the key to **the address on the account** (canned response *Activation key
                       reissued*). She needs neither the original disc nor a new email account.
                    4. Stay the owner of the case until she confirms the key works.

                    ## Never

                    - Never ask her to create a new email address or a new account: the licence is tied to
                      the one she has, and a new one loses it.
                    - Never transfer her without a handover: whoever takes the case must not ask her to
                      repeat anything.
                    """,
                    "Licences",
                    "Activation",
                    "internal",
                    List.of("activation", "license", "protocol")),
            article(
                    "Protocol: wrong order delivered",
                    "Start with what we can do, never with what we cannot. Own the problem until the right goods are on their way.",
                    """
                    The customer received something other than what she ordered. She has been told "nothing
                    can be done" before; do not be the next one.

                    ## What we can do

                    - Ship the right item now, at our cost, before the wrong one comes back.
                    - Send a prepaid return label for the wrong item, or let her keep it when returning it
                      costs more than it is worth.
                    - Refund the difference, or the whole order if she no longer wants it.
                    - Upgrade the shipping of the replacement.

                    ## Steps

                    1. Apologise once, then say what you **can** do, with a date.
                    2. Record a promise with that date on the case, so the desk keeps it even if you are away.
                    3. Confirm in writing what happens next; close with the next steps and a farewell.
                    """,
                    "Orders",
                    "Problems",
                    "internal",
                    List.of("order", "protocol")),
            article(
                    "Protocol: late technician",
                    "The customer stayed home to wait. Call the dispatcher, give her a real time, and make up for the time she lost.",
                    """
                    A customer who stayed home for an installation or a repair is waiting while you read this.

                    ## Steps

                    1. Listen actively: repeat back what happened and how long she has waited.
                    2. Call the dispatcher while she is on the line (or put her on a short hold) and get the
                       technician's real arrival time.
                    3. Give her that time, and record a promise to call back 15 minutes before it.
                    4. If the visit cannot happen today: offer the first slot of the next day, and a credit
                       for the time she lost.
                    5. Note on the case which technician and dispatcher you spoke to.
                    """,
                    "Visits",
                    "Technicians",
                    "internal",
                    List.of("technician", "visit", "protocol")),
            article(
                    "Protocol: returns at the counter and by mail",
                    "Never take a return personally. Check the receipt and the policy; when the policy says no, offer what it allows.",
                    """
                    ## At the counter

                    1. Greet the customer and look at the item together; never comment on its state.
                    2. Within 30 days with a receipt: refund to the original payment.
                    3. Without a receipt: store credit at the lowest recent price.
                    4. Worn or damaged by use: say what the policy allows (a repair, a partial credit) and ask a
                       supervisor when the customer wants more. Never refuse in a way that is about her.

                    ## By mail

                    Send the prepaid label from the case, and tell her when the refund will be on her account.
                    """,
                    "Orders",
                    "Returns",
                    "internal",
                    List.of("returns", "protocol")));

    static final List<SaveArticle> PUBLIC = List.of(
            article(
                    "I lost my activation key",
                    "How to get your activation key again on the account you already have.",
                    """
                    Lost your key after reinstalling or on a new computer? You do not need to buy the product
                    again, and you do not need a new email address.

                    1. Write to us from the email address you bought with, or give us your order number.
                    2. We verify it is you and send the key again to the address on your account.

                    The key usually arrives within the hour.
                    """,
                    "Licences",
                    "Activation",
                    "public",
                    List.of("activation", "license")),
            article(
                    "Returning an order",
                    "Send an item back within 30 days for a refund.",
                    """
                    You can return an item within **30 days** of delivery.

                    1. Write to us with your order number; we send you a prepaid return label.
                    2. Pack the item and drop it off with the label.
                    3. Your refund is on your account within 5 working days after it arrives.

                    In the store, bring the item and your receipt to the returns counter.
                    """,
                    "Orders",
                    "Returns",
                    "public",
                    List.of("returns", "refund")),
            article(
                    "My technician is late",
                    "What happens when a technician does not arrive in the time window we gave you.",
                    """
                    We are sorry when a technician is late. Write to us or call: we contact the dispatcher at
                    once and tell you when the technician will arrive. If the visit cannot happen today, we
                    book the first slot of the next day and credit you for the time you lost.
                    """,
                    "Visits",
                    "Technicians",
                    "public",
                    List.of("technician", "visit")));

    static final SaveArticle RETURNS_GERMAN = new SaveArticle(
            "Eine Bestellung zurücksenden",
            "Artikel innerhalb von 30 Tagen zurückschicken und das Geld zurückbekommen.",
            """
            Sie können einen Artikel innerhalb von **30 Tagen** nach der Lieferung zurückgeben.

            1. Schreiben Sie uns mit Ihrer Bestellnummer; wir schicken Ihnen ein frankiertes Rücksendeetikett.
            2. Verpacken Sie den Artikel und geben Sie ihn mit dem Etikett ab.
            3. Die Erstattung ist innerhalb von 5 Werktagen nach Eingang auf Ihrem Konto.
            """,
            "de",
            "Bestellungen",
            "Rücksendungen",
            List.of("rücksendung", "erstattung"),
            "public",
            null,
            null,
            null);

    private final AgentManagement agents;
    private final KnowledgeManagement knowledge;

    DemoKnowledge(AgentManagement agents, KnowledgeManagement knowledge) {
        this.agents = agents;
        this.knowledge = knowledge;
    }

    @Override
    public void run(ApplicationArguments args) {
        var admin = agents.list().stream()
                .filter(Agent::active)
                .filter(agent -> agent.role() == Role.ADMIN)
                .findFirst()
                .flatMap(agent -> agents.signedIn(agent.id()));
        if (admin.isEmpty() || there(PROTOCOLS.getFirst())) {
            return;
        }
        var by = admin.get();
        PROTOCOLS.forEach(protocol -> publish(protocol, null, by));
        java.util.@Nullable UUID returns = null;
        for (var article : PUBLIC) {
            var published = publish(article, null, by);
            if (article.title().equals("Returning an order")) {
                returns = published;
            }
        }
        publish(RETURNS_GERMAN, returns, by);
    }

    private boolean there(SaveArticle article) {
        return knowledge.list(article.title(), null, 50).stream()
                .anyMatch(found -> found.title().equals(article.title()));
    }

    private java.util.UUID publish(
            SaveArticle article, java.util.@Nullable UUID translationOf, dev.casekeeper.agents.SignedInAgent by) {
        var command = translationOf == null
                ? article
                : new SaveArticle(
                        article.title(),
                        article.summary(),
                        article.body(),
                        article.locale(),
                        article.category(),
                        article.section(),
                        article.tags(),
                        article.visibility(),
                        null,
                        null,
                        translationOf);
        var created = knowledge.create(command, by);
        knowledge.moveTo(created.id(), ArticleState.PUBLISHED, by);
        return created.id().value();
    }
}
