package dev.casekeeper.portal;

import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The web form's topics, which admins define: with none, the form asks for a topic in the
 * customer's own words; with some, she picks one and the case goes to its team.
 */
@Service
@Transactional
class ContactTopics {

    static final int MAX_LABEL = 100;

    private final JdbcClient jdbc;
    private final AgentManagement agents;
    private final Clock clock;

    ContactTopics(JdbcClient jdbc, AgentManagement agents, Clock clock) {
        this.jdbc = jdbc;
        this.agents = agents;
        this.clock = clock;
    }

    /** Every topic, in the order the form lists them. */
    @Transactional(readOnly = true)
    List<ContactTopic> list() {
        return jdbc.sql("select * from portal.contact_topic order by position, label_en, id")
                .query((rs, n) -> new ContactTopic(
                        rs.getObject("id", UUID.class),
                        rs.getInt("position"),
                        rs.getObject("team_id", UUID.class),
                        rs.getString("label_en"),
                        rs.getString("label_de"),
                        rs.getString("label_es")))
                .list();
    }

    @Transactional(readOnly = true)
    Optional<ContactTopic> find(UUID id) {
        return list().stream().filter(topic -> topic.id().equals(id)).findFirst();
    }

    ContactTopic get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("Contact topic", id.toString()));
    }

    ContactTopic create(ContactTopic.Save topic) {
        var checked = check(topic);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into portal.contact_topic (id, position, team_id, label_en, label_de, label_es, created_at)
                        values (:id, :position, :team, :en, :de, :es, :now)
                        """)
                .param("id", id)
                .param("position", checked.position())
                .param("team", checked.teamId())
                .param("en", checked.labelEn())
                .param("de", checked.labelDe())
                .param("es", checked.labelEs())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return get(id);
    }

    ContactTopic replace(UUID id, ContactTopic.Save topic) {
        get(id);
        var checked = check(topic);
        jdbc.sql("""
                        update portal.contact_topic set position = :position, team_id = :team,
                            label_en = :en, label_de = :de, label_es = :es
                        where id = :id
                        """)
                .param("id", id)
                .param("position", checked.position())
                .param("team", checked.teamId())
                .param("en", checked.labelEn())
                .param("de", checked.labelDe())
                .param("es", checked.labelEs())
                .update();
        return get(id);
    }

    void delete(UUID id) {
        get(id);
        jdbc.sql("delete from portal.contact_topic where id = :id")
                .param("id", id)
                .update();
    }

    /** The topic with its labels stripped (blank German or Spanish: none); refused field by field. */
    private ContactTopic.Save check(ContactTopic.Save topic) {
        if (topic.position() < 0) {
            throw new InvalidInputException("position", "must be zero or more");
        }
        String en = topic.labelEn() == null ? "" : topic.labelEn().strip();
        if (en.isEmpty()) {
            throw new InvalidInputException("labels.en", "must not be blank");
        }
        if (en.length() > MAX_LABEL) {
            throw new InvalidInputException("labels.en", "must be at most " + MAX_LABEL + " characters");
        }
        String de = optional("labels.de", topic.labelDe());
        String es = optional("labels.es", topic.labelEs());
        if (topic.teamId() != null
                && agents.teams().stream().noneMatch(team -> team.id().value().equals(topic.teamId()))) {
            throw new InvalidInputException("teamId", "no team has the id " + topic.teamId());
        }
        return new ContactTopic.Save(topic.position(), topic.teamId(), en, de, es);
    }

    private static @Nullable String optional(String field, @Nullable String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        if (label.strip().length() > MAX_LABEL) {
            throw new InvalidInputException(field, "must be at most " + MAX_LABEL + " characters");
        }
        return label.strip();
    }
}
