package dev.casekeeper.channels.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.customers.ChangeCustomer;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.shared.Actor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The widget speaks the visitor's language, as the portal does: the one her customer record declares
 * when there are texts in it, else her browser's, else English.
 */
class ChatLanguageTests extends ChatTestBase {

    @Autowired
    CustomerManagement customers;

    @Test
    void aGermanOrSpanishBrowserGetsTheWidgetInItsLanguageAndAnyOtherInEnglish() {
        var desk = desk();
        assertThat(welcome(desk, null, "de-AT").get("texts").get("send").asString())
                .isEqualTo("Senden");
        assertThat(welcome(desk, null, "es").get("texts").get("rate.bad").asString())
                .isEqualTo("Mal");
        assertThat(welcome(desk, null, "fr-FR").get("texts").get("send").asString())
                .isEqualTo("Send");
    }

    @Test
    void aReturningVisitorWhoseRecordDeclaresALanguageGetsThatOneWhateverTheBrowserSays() {
        var desk = desk();
        try (var widget = widget()) {
            hello(widget, desk, null, 0);
            String token = widget.next("welcome").get("token").asString();
            widget.send(Map.of("type", "start", "name", "Lucía Gómez", "topic", "Activation key"));
            widget.next("started");
            widget.send(Map.of("type", "message", "id", "c-1", "text", "Mi clave de activación no funciona."));
            widget.next("ack");
            var customer = new CustomerId(chatOf(token, desk).customerId());
            customers.change(
                    customer,
                    new ChangeCustomer(null, Map.of("language", "Spanish")),
                    Actor.customer(customer.value()));

            // The same visitor in a second tab, in a browser set to German.
            var welcome = welcome(desk, token, "de-DE");

            assertThat(welcome.get("texts").get("send").asString()).isEqualTo("Enviar");
        }
    }

    private JsonNode welcome(Desk desk, String token, String lang) {
        try (var widget = widget()) {
            var frame = new LinkedHashMap<String, Object>(
                    Map.of("type", "hello", "mailbox", desk.mailbox(), "after", 0, "lang", lang));
            if (token != null) {
                frame.put("token", token);
            }
            widget.send(frame);
            return widget.next("welcome");
        }
    }
}
