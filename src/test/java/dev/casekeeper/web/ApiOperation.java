package dev.casekeeper.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One operation of the OpenAPI document as the bad-input test sees it: its method and path, its
 * query parameters and the schema of its JSON body. Schemas stay as the document has them, with
 * {@code $ref}s resolved on demand through {@link #resolve}.
 */
record ApiOperation(
        String method,
        String path,
        List<Parameter> query,
        @Nullable JsonNode body,
        JsonNode document) {

    /** A query parameter: its name and its schema's type and format (format may be empty). */
    record Parameter(String name, String type, String format) {}

    static List<ApiOperation> all(JsonNode document) {
        var operations = new ArrayList<ApiOperation>();
        for (var path : document.get("paths").properties()) {
            for (var entry : path.getValue().properties()) {
                var spec = entry.getValue();
                var query = new ArrayList<Parameter>();
                for (var parameter : spec.path("parameters")) {
                    if (parameter.path("in").asString().equals("query")) {
                        var schema = parameter.path("schema");
                        query.add(new Parameter(
                                parameter.get("name").asString(),
                                schema.path("type").asString(""),
                                schema.path("format").asString("")));
                    }
                }
                var body = spec.path("requestBody")
                        .path("content")
                        .path("application/json")
                        .get("schema");
                operations.add(new ApiOperation(
                        entry.getKey().toUpperCase(Locale.ROOT), path.getKey(), List.copyOf(query), body, document));
            }
        }
        return operations;
    }

    boolean hasPathParameters() {
        return path.contains("{");
    }

    /** The schema a {@code $ref} points to, or the schema itself. */
    JsonNode resolve(JsonNode schema) {
        var ref = schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        return document.at(ref.asString().substring(1));
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
