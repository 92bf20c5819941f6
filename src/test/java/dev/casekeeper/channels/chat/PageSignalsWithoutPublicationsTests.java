package dev.casekeeper.channels.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.casekeeper.agents.Role;
import dev.casekeeper.routing.ContactId;
import dev.casekeeper.routing.ContactState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A page refresh is a live signal, not a reaction that must happen: opening a case and routing a
 * chat write event publications only for the listeners whose work would be wrong to lose, never for
 * the ones that only tell open pages and widgets to reload (STYLE.md, "Durable or live, not both").
 * Completed publications are deleted at once, so a trigger keeps a copy of every publication
 * written while this class runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageSignalsWithoutPublicationsTests extends ChatTestBase {

    /** Listeners that exist only to refresh what pages and widgets show. */
    private static final String LIVE_ONLY = """
            (listener_id like 'dev.casekeeper.live.%'
             or listener_id = 'dev.casekeeper.channels.chat.ChatRoutingListener.on(dev.casekeeper.routing.QueueChanged)')""";

    @BeforeAll
    void copyEveryPublicationWritten() {
        jdbc.sql("create table if not exists public.test_publication_copy (listener_id text, serialized_event text)")
                .update();
        jdbc.sql("""
                        create or replace function public.test_copy_publication() returns trigger language plpgsql as $$
                        begin
                            insert into public.test_publication_copy values (new.listener_id, new.serialized_event);
                            return new;
                        end $$""").update();
        jdbc.sql("drop trigger if exists test_copy_publication on event_publication")
                .update();
        jdbc.sql("""
                        create trigger test_copy_publication after insert on event_publication
                        for each row execute function public.test_copy_publication()""").update();
    }

    @AfterAll
    void stopCopying() {
        jdbc.sql("drop trigger if exists test_copy_publication on event_publication")
                .update();
        jdbc.sql("drop function if exists public.test_copy_publication()").update();
        jdbc.sql("drop table if exists public.test_publication_copy").update();
    }

    @Test
    void aCaseOpenedForATeamCommitsItsBookkeepingWithItAndWritesNoPublicationForAPageRefresh() {
        var created = admin().post(
                        "/api/v1/cases",
                        Map.of(
                                "subject",
                                "Parcel never arrived",
                                "requester",
                                Map.of("email", "signals-" + UUID.randomUUID() + "@example.com", "name", "Ola"),
                                "message",
                                Map.of("body", "Tracking says delivered; nothing here."),
                                "teamId",
                                newTeam()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String caseId = created.json().get("id").asString();

        // Its own bookkeeping committed with it, in the same transaction (ADR 0015): no publication for it.
        assertThat(rowsOf("sla.case_sla", caseId)).isEqualTo(1);
        assertThat(rowsOf("assist.message_score", caseId)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> outstandingFor(caseId) == 0);

        assertThat(listenersWrittenFor(caseId)).noneMatch(PageSignalsWithoutPublicationsTests::liveOnly);
        assertThat(liveOnlyPublications()).isEmpty();
    }

    @Test
    void routingAChatWritesNoPublicationForAPageOrWidgetRefresh() {
        var desk = desk();
        var alex = agent(desk.team(), Role.AGENT, true);
        try (var widget = widget()) {
            hello(widget, desk, null, 0);
            String token = widget.next("welcome").get("token").asString();
            widget.send(Map.of("type", "message", "id", "c-1", "text", "Where is my parcel?"));
            widget.next("ack");
            var chat = chatOf(token, desk);
            await().atMost(Duration.ofSeconds(10)).until(() -> contactOf(chat).state() == ContactState.OFFERED);
            queues.accept(contactOf(chat).offerId(), alex.id());
            widget.next("message", f -> "joined".equals(f.path("event").asString("")));
            liveContacts.end(new ContactId(chat.contactId()));
            widget.next("ended");

            // The chat's durable reactions were written (the trigger sees them), the page signals not.
            assertThat(listenersWrittenFor(chat.contactId().toString()))
                    .contains(
                            "dev.casekeeper.channels.chat.ChatRoutingListener.on(dev.casekeeper.routing.ContactAccepted)")
                    .noneMatch(PageSignalsWithoutPublicationsTests::liveOnly);
            assertThat(liveOnlyPublications()).isEmpty();
        }
    }

    private long rowsOf(String table, String caseId) {
        return jdbc.sql("select count(*) from " + table + " where case_id = :id::uuid")
                .param("id", caseId)
                .query(Long.class)
                .single();
    }

    private List<String> listenersWrittenFor(String id) {
        return jdbc.sql("select listener_id from public.test_publication_copy where serialized_event like :id")
                .param("id", "%" + id + "%")
                .query(String.class)
                .list();
    }

    private long outstandingFor(String id) {
        return jdbc.sql("select count(*) from event_publication where serialized_event like :id")
                .param("id", "%" + id + "%")
                .query(Long.class)
                .single();
    }

    private List<String> liveOnlyPublications() {
        return jdbc.sql("select listener_id from public.test_publication_copy where " + LIVE_ONLY)
                .query(String.class)
                .list();
    }

    private static boolean liveOnly(String listenerId) {
        return listenerId.startsWith("dev.casekeeper.live.")
                || listenerId.equals(
                        "dev.casekeeper.channels.chat.ChatRoutingListener.on(dev.casekeeper.routing.QueueChanged)");
    }
}
