package dev.casekeeper.portal;

import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.agents.Team;
import dev.casekeeper.cases.CaseIntake;
import dev.casekeeper.cases.Channel;
import dev.casekeeper.cases.InboundMessage;
import dev.casekeeper.cases.Sender;
import dev.casekeeper.shared.Actor;
import dev.casekeeper.sla.FirstResponse;
import dev.casekeeper.sla.SlaManagement;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hosted web form: a submission opens a case on the web channel through {@link CaseIntake}, for
 * the customer with that email address (a new one if nobody has it), in the team of the topic she
 * chose, else the team named by {@code casekeeper.portal.contact-team}; she is told the case's
 * number, team and when the first answer is due, on the page and by mail. Robots are kept out without a third party: a field people
 * do not see must stay empty, the form must have been on screen a moment, and each client address
 * and each email address has an hourly allowance. Every outcome is counted in {@code casekeeper.portal.contact}.
 */
@Service
class WebForm {

    private static final Logger log = LoggerFactory.getLogger(WebForm.class);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    static final int MAX_NAME = 200;
    static final int MAX_TOPIC = 200;
    static final int MAX_DESCRIPTION = 20_000;

    /** Why a submission was turned away: the metric's {@code outcome} tag. */
    enum Outcome {
        ACCEPTED,
        INVALID,
        HONEYPOT,
        TOO_FAST,
        RATE_LIMITED,
        /** The embedded form posted from a site that is not allowed to embed it. */
        FOREIGN_ORIGIN;

        String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * What the customer is told once her case is open: its number, the team that owns it (null:
     * none) and when the SLA policy that matched it has the first answer due (null: no policy).
     */
    record Acknowledgement(
            long number, @Nullable String team, @Nullable FirstResponse firstResponse) {}

    /**
     * What the form sends; {@code website} is the field only robots fill in. {@code topic} is the id
     * of one of the admin's topics when there are any, else the customer's own words.
     */
    record Submission(String name, String email, String topic, String description, String website) {}

    /** Refused: the field errors (message keys by field), or the outcome alone; {@code file} names a refused file. */
    static final class Refused extends RuntimeException {
        final Outcome outcome;
        final Map<String, String> errors;
        final long minutes;
        final String file;

        Refused(Outcome outcome, Map<String, String> errors, long minutes) {
            this(outcome, errors, minutes, "");
        }

        Refused(Outcome outcome, Map<String, String> errors, long minutes, String file) {
            super(outcome.tag(), null, false, false);
            this.outcome = outcome;
            this.errors = errors;
            this.minutes = minutes;
            this.file = file;
        }
    }

    private final CaseIntake intake;
    private final AgentManagement agents;
    private final PortalLimits limits;
    private final PortalSettings settings;
    private final MeterRegistry registry;
    private final PortalAttachments attachments;
    private final Clock clock;
    private final ContactTopics topics;
    private final SlaManagement sla;
    private final ContactAcknowledgements acknowledgements;

    WebForm(
            ContactTopics topics,
            SlaManagement sla,
            ContactAcknowledgements acknowledgements,
            CaseIntake intake,
            AgentManagement agents,
            PortalLimits limits,
            PortalSettings settings,
            MeterRegistry registry,
            PortalAttachments attachments,
            Clock clock) {
        this.topics = topics;
        this.sla = sla;
        this.acknowledgements = acknowledgements;
        this.intake = intake;
        this.attachments = attachments;
        this.agents = agents;
        this.limits = limits;
        this.settings = settings;
        this.registry = registry;
        for (var outcome : Outcome.values()) {
            counter(outcome);
        }
        this.clock = clock;
    }

    /**
     * Opens the case; its number.
     *
     * @param shownAt when this browser was shown the form, null if never
     * @throws Refused when the submission is refused; nothing was stored
     */
    Acknowledgement submit(Submission form, @Nullable Instant shownAt, String client) {
        return submit(form, List.of(), shownAt, client, Locale.ENGLISH);
    }

    /**
     * The same, with files attached: checked as the portal's reply box checks them (count, size, the
     * type sniffed from the bytes) and stored with the case's first message, the customer's. The
     * topic's label, the case's subject, is in {@code locale}, the form's language, as is the
     * acknowledgement mailed to her.
     */
    @Transactional
    Acknowledgement submit(
            Submission form,
            List<PortalAttachments.Upload> uploads,
            @Nullable Instant shownAt,
            String client,
            Locale locale) {
        if (!form.website().isEmpty()) {
            throw refused(Outcome.HONEYPOT, Map.of(), 0);
        }
        var listed = topics.list();
        var errors = validate(form, listed);
        if (!errors.isEmpty()) {
            throw refused(Outcome.INVALID, errors, 0);
        }
        List<PortalAttachments.Checked> files;
        try {
            files = PortalAttachments.check(uploads);
        } catch (dev.casekeeper.cases.FileRefused e) {
            counter(Outcome.INVALID).increment();
            throw new Refused(
                    Outcome.INVALID,
                    Map.of("files", "portal.files." + e.reason().key()),
                    0,
                    e.filename());
        }
        if (shownAt == null || Duration.between(shownAt, clock.instant()).compareTo(settings.contactMinTime()) < 0) {
            throw refused(Outcome.TOO_FAST, Map.of(), 0);
        }
        var wait = limits.contactFrom(client).or(() -> limits.contactFor(form.email()));
        if (wait.isPresent()) {
            throw refused(
                    Outcome.RATE_LIMITED, Map.of(), Math.max(1, (wait.get().toSeconds() + 59) / 60));
        }
        var topic = chosen(form, listed);
        var team = topic != null && topic.teamId() != null ? team(topic.teamId()) : null;
        if (team == null) {
            team = team();
        }
        String subject = topic == null ? form.topic().strip() : topic.label(locale);
        var message = InboundMessage.newCase(subject, form.description().strip(), Channel.WEB, Actor.SYSTEM)
                .withTeam(team == null ? null : team.id());
        if (!files.isEmpty()) {
            message = message.withFacts(new WebFacts(
                    files.stream().map(PortalAttachments.Checked::attachment).toList()));
        }
        var received = intake.receive(
                message, Sender.email(form.email().strip(), form.name().strip()));
        attachments.store(
                received.summary().id(), received.entryId(), received.summary().requesterId(), files);
        counter(Outcome.ACCEPTED).increment();
        log.info(
                "Case {} (#{}) opened by the web form",
                received.summary().id(),
                received.summary().number());
        var acknowledgement = new Acknowledgement(
                received.summary().number(),
                team == null ? null : team.name(),
                sla.firstResponse(received.summary().id()).orElse(null));
        acknowledgements.sendAfterCommit(
                received.summary().id(), form.email().strip(), form.name().strip(), subject, acknowledgement, locale);
        return acknowledgement;
    }

    private static @Nullable ContactTopic chosen(Submission form, List<ContactTopic> listed) {
        return listed.stream()
                .filter(topic -> topic.id().toString().equals(form.topic().strip()))
                .findFirst()
                .orElse(null);
    }

    private Map<String, String> validate(Submission form, List<ContactTopic> listed) {
        var errors = new LinkedHashMap<String, String>();
        if (form.name().isBlank()) {
            errors.put("name", "portal.contact.error.nameBlank");
        } else if (form.name().strip().length() > MAX_NAME) {
            errors.put("name", "portal.contact.error.tooLong");
        }
        String email = form.email().strip();
        if (email.isEmpty()) {
            errors.put("email", "portal.contact.error.emailBlank");
        } else if (email.length() > 320 || !EMAIL.matcher(email).matches()) {
            errors.put("email", "portal.contact.error.emailInvalid");
        }
        if (!listed.isEmpty()) {
            if (chosen(form, listed) == null) {
                errors.put("topic", "portal.contact.error.topicChoose");
            }
        } else if (form.topic().isBlank()) {
            errors.put("topic", "portal.contact.error.topicBlank");
        } else if (form.topic().strip().length() > MAX_TOPIC) {
            errors.put("topic", "portal.contact.error.tooLong");
        }
        if (form.description().isBlank()) {
            errors.put("description", "portal.contact.error.descriptionBlank");
        } else if (form.description().strip().length() > MAX_DESCRIPTION) {
            errors.put("description", "portal.contact.error.tooLong");
        }
        return errors;
    }

    private @Nullable Team team() {
        String name = settings.contactTeam();
        if (name == null || name.isBlank()) {
            return null;
        }
        return agents.teams().stream()
                .filter(team -> team.name().equalsIgnoreCase(name.strip()))
                .findFirst()
                .orElseGet(() -> {
                    log.warn("casekeeper.portal.contact-team names no team: '{}'; web form cases go to no team", name);
                    return null;
                });
    }

    private @Nullable Team team(java.util.UUID id) {
        return agents.teams().stream()
                .filter(team -> team.id().value().equals(id))
                .findFirst()
                .orElse(null);
    }

    /** Counts a submission of the embedded form from a site not allowed to embed it; nothing else is done. */
    void refuseOrigin() {
        counter(Outcome.FOREIGN_ORIGIN).increment();
    }

    private Refused refused(Outcome outcome, Map<String, String> errors, long minutes) {
        counter(outcome).increment();
        return new Refused(outcome, errors, minutes);
    }

    private Counter counter(Outcome outcome) {
        return Counter.builder("casekeeper.portal.contact")
                .description("Web form submissions, by outcome: accepted, or why they were refused")
                .tag("outcome", outcome.tag())
                .register(registry);
    }
}
