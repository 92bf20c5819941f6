package dev.casekeeper.counter;

import dev.casekeeper.agents.AgentManagement;
import dev.casekeeper.shared.ConflictException;
import dev.casekeeper.shared.InvalidInputException;
import dev.casekeeper.shared.NotFoundException;
import dev.casekeeper.shared.StorableText;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Counter locations and their visit reasons: added by admins, read by the kiosk, the board and the desks. */
@Service
@Transactional
public class LocationManagement {

    private static final int MAX_NAME = 200;
    private static final int MAX_SKILL = 100;

    private final LocationQueries locations;
    private final AgentManagement agents;
    private final Clock clock;

    LocationManagement(LocationQueries locations, AgentManagement agents, Clock clock) {
        this.locations = locations;
        this.agents = agents;
        this.clock = clock;
    }

    /** Every location, by name. */
    @Transactional(readOnly = true)
    public List<Location> locations() {
        return locations.list();
    }

    @Transactional(readOnly = true)
    public Location location(LocationId id) {
        return locations.find(id.value()).orElseThrow(() -> new NotFoundException("Location", id));
    }

    /** The location of a kiosk or board address. */
    @Transactional(readOnly = true)
    public Location bySlug(String slug) {
        return locations.bySlug(slug).orElseThrow(() -> new NotFoundException("Location", slug));
    }

    /** Adds a location; a slug in use is a conflict. */
    public Location add(AddLocation command) {
        var errors = new LinkedHashMap<String, String>();
        var name = text(command.name(), "name", MAX_NAME, errors);
        var slug = command.slug() == null ? "" : command.slug().strip().toLowerCase(Locale.ROOT);
        if (!slug.matches("[a-z0-9][a-z0-9-]{0,59}")) {
            errors.put("slug", "use 1 to 60 lower-case letters, digits and dashes, starting with a letter or digit");
        }
        ZoneId zone = ZoneOffset.UTC;
        if (command.zone() != null && !command.zone().isBlank()) {
            try {
                zone = ZoneId.of(command.zone().strip());
            } catch (DateTimeException e) {
                errors.put("zone", "name a time zone such as Europe/Berlin or America/Chicago");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var id = UUID.randomUUID();
        if (!locations.insert(id, slug, name, zone, clock.instant())) {
            throw new ConflictException("slug-taken", "Another location has the address " + slug);
        }
        return location(new LocationId(id));
    }

    /** Adds a visit reason; a label or code the location has already is a conflict. */
    public Reason addReason(LocationId locationId, AddReason command) {
        location(locationId);
        var errors = new LinkedHashMap<String, String>();
        var label = text(command.label(), "label", MAX_NAME, errors);
        var code = command.code() == null ? "" : command.code().strip().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{1,3}")) {
            errors.put("code", "use 1 to 3 letters A-Z: they start the ticket numbers (R-042)");
        }
        if (command.teamId() == null) {
            errors.put("teamId", "name the team that serves this reason");
        } else if (agents.teams().stream().noneMatch(t -> t.id().equals(command.teamId()))) {
            errors.put("teamId", "names a team that does not exist");
        }
        var skills = new ArrayList<String>();
        for (var skill : command.skills() == null ? List.<String>of() : command.skills()) {
            var s = skill == null ? "" : skill.strip().toLowerCase(Locale.ROOT);
            if (s.isEmpty() || s.length() > MAX_SKILL || s.contains(",") || !StorableText.isStorable(s)) {
                errors.put("skills", "each skill is 1 to 100 characters, without commas");
            } else if (!skills.contains(s)) {
                skills.add(s);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        locations.lock(locationId.value());
        var id = UUID.randomUUID();
        if (!locations.insertReason(id, locationId.value(), label, code, command.teamId(), skills, clock.instant())) {
            throw new ConflictException("reason-taken", "The location has a reason with this label or code already");
        }
        return locations.reason(id).orElseThrow();
    }

    private static String text(@Nullable String value, String field, int max, LinkedHashMap<String, String> errors) {
        var stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty()) {
            errors.put(field, "must not be blank");
        } else if (stripped.length() > max) {
            errors.put(field, "is longer than " + max + " characters");
        } else if (!StorableText.isStorable(stripped)) {
            errors.put(field, StorableText.problem(stripped));
        }
        return stripped;
    }
}
