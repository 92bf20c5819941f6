package dev.casekeeper.portal;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The web form's topics: every agent may read them, admins write them (docs/api.md). */
@RestController
@RequestMapping("/api/v1/contact-topics")
@Tag(name = "Web form topics")
class ContactTopicsRestController {

    record TopicBody(
            @Nullable Integer position,
            @Nullable UUID teamId,
            @Nullable Labels labels) {}

    record Labels(
            @Nullable String en,
            @Nullable String de,
            @Nullable String es) {}

    record TopicResponse(UUID id, int position, @Nullable UUID teamId, Labels labels) {

        static TopicResponse of(ContactTopic topic) {
            return new TopicResponse(
                    topic.id(),
                    topic.position(),
                    topic.teamId(),
                    new Labels(topic.labelEn(), topic.labelDe(), topic.labelEs()));
        }
    }

    private final ContactTopics topics;

    ContactTopicsRestController(ContactTopics topics) {
        this.topics = topics;
    }

    @GetMapping
    List<TopicResponse> list() {
        return topics.list().stream().map(TopicResponse::of).toList();
    }

    @GetMapping("/{id}")
    TopicResponse get(@PathVariable UUID id) {
        return TopicResponse.of(topics.get(id));
    }

    @PostMapping
    ResponseEntity<TopicResponse> create(@RequestBody TopicBody body) {
        var created = topics.create(save(body));
        return ResponseEntity.created(URI.create("/api/v1/contact-topics/" + created.id()))
                .body(TopicResponse.of(created));
    }

    @PutMapping("/{id}")
    TopicResponse replace(@PathVariable UUID id, @RequestBody TopicBody body) {
        return TopicResponse.of(topics.replace(id, save(body)));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        topics.delete(id);
        return ResponseEntity.noContent().build();
    }

    private static ContactTopic.Save save(TopicBody body) {
        var labels = body.labels() == null ? new Labels(null, null, null) : body.labels();
        return new ContactTopic.Save(
                body.position() == null ? 0 : body.position(),
                body.teamId(),
                labels.en() == null ? "" : labels.en(),
                labels.de(),
                labels.es());
    }
}
