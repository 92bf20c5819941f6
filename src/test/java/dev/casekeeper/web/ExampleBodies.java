package dev.casekeeper.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Request bodies made from an operation's schema: the required fields with values that would be
 * accepted (fixture ids for ids, a future time for times, a value of the kind a field's name
 * suggests), so a probe that spoils one value is refused for that value and nothing else.
 */
final class ExampleBodies {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final JsonNodeFactory nodes = JsonNodeFactory.instance;
    /** Optional in the schema but needed all the same: a customer needs an email address or a phone number. */
    private static final Set<String> NEEDED = Set.of("emails");
    /** Stands where the spoiled value goes, until the body is written as bytes. */
    private static final String MARK = "\u2063probe\u2063";

    /** Where in a body a value sits: property names and array positions (always 0), from the top. */
    record Slot(List<Object> path, JsonNode schema) {

        String type() {
            return schema.path("type").asString("");
        }

        String format() {
            return schema.path("format").asString("");
        }

        String name() {
            return path.stream()
                    .map(p -> p instanceof Integer i ? "[" + i + "]" : "." + p)
                    .reduce("", String::concat)
                    .replaceFirst("^\\.", "");
        }
    }

    private final Function<String, UUID> ids;
    private final AtomicInteger unique = new AtomicInteger();

    /** @param ids the fixture id for a field named like {@code teamId}, {@code ownerId}, {@code calendarId} */
    ExampleBodies(Function<String, UUID> ids) {
        this.ids = ids;
    }

    /** Every place in the body where a single value (not an object) goes, optional ones included. */
    List<Slot> slots(ApiOperation operation, JsonNode schema) {
        var found = new ArrayList<Slot>();
        collect(operation, operation.resolve(schema), new ArrayList<>(), found, 0);
        return found;
    }

    private void collect(ApiOperation operation, JsonNode schema, List<Object> path, List<Slot> found, int depth) {
        if (depth > 6) {
            return;
        }
        String type = schema.path("type").asString("");
        if (schema.has("properties")) {
            for (var property : schema.get("properties").properties()) {
                var next = new ArrayList<>(path);
                next.add(property.getKey());
                collect(operation, operation.resolve(property.getValue()), next, found, depth + 1);
            }
        } else if (type.equals("array")) {
            found.add(new Slot(path, schema));
            var next = new ArrayList<>(path);
            next.add(0);
            collect(operation, operation.resolve(schema.get("items")), next, found, depth + 1);
        } else if (schema.has("additionalProperties")) {
            var next = new ArrayList<>(path);
            next.add(key(path));
            collect(operation, operation.resolve(schema.get("additionalProperties")), next, found, depth + 1);
        } else {
            found.add(new Slot(path, schema));
        }
    }

    /** A body that is accepted as it is: the required fields, each with a value of its kind. */
    byte[] example(ApiOperation operation, JsonNode schema) {
        return json.writeValueAsBytes(example(operation, operation.resolve(schema), "", true));
    }

    /** A body that would be accepted, with the slot holding {@code raw}: JSON text, or bytes that are not JSON at all. */
    byte[] with(ApiOperation operation, JsonNode schema, Slot slot, byte[] raw) {
        var body = (ObjectNode) example(operation, operation.resolve(schema), "", true);
        JsonNode at = body;
        var resolved = operation.resolve(schema);
        for (int i = 0; i < slot.path().size(); i++) {
            Object step = slot.path().get(i);
            boolean last = i == slot.path().size() - 1;
            if (step instanceof Integer) {
                var array = (ArrayNode) at;
                resolved = operation.resolve(resolved.get("items"));
                if (last) {
                    array.removeAll();
                    array.add(MARK);
                } else {
                    if (array.isEmpty()) {
                        array.add(example(operation, resolved, nameOf(slot, i), true));
                    }
                    at = array.get(0);
                }
            } else {
                var object = (ObjectNode) at;
                String name = (String) step;
                var property = resolved.has("properties")
                        ? resolved.get("properties").get(name)
                        : resolved.get("additionalProperties");
                resolved = operation.resolve(property);
                if (last) {
                    object.put(name, MARK);
                } else {
                    if (!object.has(name) || object.get(name).isNull()) {
                        object.set(name, example(operation, resolved, name, true));
                    }
                    at = object.get(name);
                }
            }
        }
        String text = json.writeValueAsString(body);
        int mark = text.indexOf("\"" + MARK + "\"");
        var bytes = new ByteArrayOutputStream();
        bytes.writeBytes(text.substring(0, mark).getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(raw);
        bytes.writeBytes(text.substring(mark + MARK.length() + 2).getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private static String nameOf(Slot slot, int index) {
        for (int i = index; i >= 0; i--) {
            if (slot.path().get(i) instanceof String name) {
                return name;
            }
        }
        return "";
    }

    private JsonNode example(ApiOperation operation, JsonNode schema, String name, boolean requiredOnly) {
        var known = known(name);
        if (known != null) {
            return known;
        }
        String type = schema.path("type").asString("");
        if (schema.has("properties")) {
            var object = nodes.objectNode();
            var required = new ArrayList<String>();
            schema.path("required").forEach(r -> required.add(r.asString()));
            for (var property : schema.get("properties").properties()) {
                if (!requiredOnly || required.contains(property.getKey()) || NEEDED.contains(property.getKey())) {
                    object.set(
                            property.getKey(),
                            example(operation, operation.resolve(property.getValue()), property.getKey(), true));
                }
            }
            return object;
        }
        if (schema.has("additionalProperties")) {
            var object = nodes.objectNode();
            object.set(
                    key(List.of(name)),
                    example(operation, operation.resolve(schema.get("additionalProperties")), name, true));
            return object;
        }
        return switch (type) {
            case "array" ->
                nodes.arrayNode().add(example(operation, operation.resolve(schema.get("items")), singular(name), true));
            case "integer" -> nodes.numberNode(integer(name));
            case "number" -> nodes.numberNode(1.5);
            case "boolean" -> nodes.booleanNode(false);
            default -> nodes.stringNode(string(name, schema.path("format").asString("")));
        };
    }

    /** Values whose shape the schema does not tell. */
    private JsonNode known(String name) {
        return switch (name) {
            case "targets" -> {
                var targets = nodes.objectNode();
                for (String priority : List.of("urgent", "high", "normal", "low")) {
                    targets.set(
                            priority,
                            json.valueToTree(Map.of(
                                    "firstResponseMinutes", 60, "nextResponseMinutes", 60, "resolutionMinutes", 480)));
                }
                yield targets;
            }
            case "inbound" -> json.valueToTree(Map.of("mode", "smtp"));
            default -> null;
        };
    }

    private int integer(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("position")) {
            return 100_000 + unique.incrementAndGet();
        }
        if (lower.contains("capacity")) {
            return 2;
        }
        if (lower.equals("port")) {
            return 2525;
        }
        if (lower.contains("days")) {
            return 3;
        }
        return 60;
    }

    private String string(String name, String format) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (format.equals("uuid")) {
            return ids.apply(singular(name)).toString();
        }
        if (format.equals("date-time")) {
            return Instant.now().plus(Duration.ofDays(7)).toString();
        }
        if (format.equals("date")) {
            return "2031-01-15";
        }
        if (format.equals("email")
                || lower.equals("address")
                || lower.endsWith("email")
                || lower.equals("value")
                || lower.equals("emails")) {
            return "probe-" + unique.incrementAndGet() + "-" + UUID.randomUUID() + "@badinput.example";
        }
        return switch (lower) {
            case "password", "newpassword" -> "a passphrase nobody guesses " + unique.incrementAndGet();
            case "currentpassword" -> dev.casekeeper.support.ApiTestBase.PASSWORD;
            case "role" -> "agent";
            case "kind" -> "email";
            case "priority", "priorities" -> "normal";
            case "channel", "channels" -> "email";
            case "status" -> "pending";
            case "presence" -> "away";
            case "mode" -> "smtp";
            case "security" -> "none";
            case "host" -> "localhost";
            case "zone" -> "Europe/Berlin";
            case "day" -> "monday";
            case "from" -> "09:00";
            case "to" -> "17:00";
            case "language" -> "en";
            case "declaredby" -> "agent";
            case "tags", "casetags", "customertags", "skills", "requiredskills" -> "probe";
            case "phones", "callbackphone" -> "+49 30 " + (1_000_000 + unique.incrementAndGet());
            default -> "Probe " + name + " " + unique.incrementAndGet();
        };
    }

    private static String key(List<Object> path) {
        Object last = path.isEmpty() ? "" : path.getLast();
        return switch (String.valueOf(last)) {
            case "fields" -> "pronouns";
            case "targets" -> "normal";
            default -> "probe";
        };
    }

    private static String singular(String name) {
        return name.endsWith("Ids") ? name.substring(0, name.length() - 1) : name;
    }
}
