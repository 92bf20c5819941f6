package dev.casekeeper.channels.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.casekeeper.support.RowsHolding;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Deleting a case that came by chat leaves none of the chat's lines in the chat's own tables. */
class ChatCaseDeletionTests extends ChatTestBase {

    @Test
    void aDeletedChatCaseKeepsNoLineOfItsChat() {
        var desk = desk();
        String marker = "M" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        UUID caseId;
        try (var widget = widget()) {
            hello(widget, desk, null, 0);
            String token = widget.next("welcome").get("token").asString();
            widget.send(Map.of("type", "message", "id", "c-1", "text", "My card number is " + marker));
            assertThat(widget.next("ack").get("seq").asLong()).isEqualTo(1);
            caseId = chatOf(token, desk).caseId();
        }
        assertThat(caseId).isNotNull();
        assertThat(RowsHolding.marker(jdbc, marker, "select cast(:scope as uuid)", caseId, false))
                .as("the chat's words before")
                .isNotEmpty();

        var deleted = admin().post("/api/v1/cases/" + caseId + "/deletion", Map.of("reason", "Card number"));

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(RowsHolding.marker(jdbc, marker, "select cast(:scope as uuid)", caseId, false))
                .as("rows of the deleted case that still hold its words")
                .isEmpty();
    }
}
