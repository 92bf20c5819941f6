package dev.casekeeper.fields.rest;

import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.agents.TeamId;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.fields.CustomerFieldManagement;
import dev.casekeeper.fields.Field;
import dev.casekeeper.fields.FieldId;
import dev.casekeeper.fields.FieldManagement;
import dev.casekeeper.fields.FieldSubject;
import dev.casekeeper.fields.FieldType;
import dev.casekeeper.fields.FieldValue;
import dev.casekeeper.fields.SaveField;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Custom fields in the API: every agent reads the definitions and reads and sets a case's and a
 * customer's values; admins define fields.
 */
@RestController
class FieldsRestController {

    record SaveFieldRequest(
            @NotBlank @Size(max = 80) String name,
            @NotBlank @Size(max = 40) String apiKey,
            @NotBlank String type,
            @Nullable String subject,
            @Size(max = 500) @Nullable String helpText,
            @Nullable Boolean requiredToSolve,
            @Nullable UUID teamId,
            @Size(max = 200) @Nullable List<String> options) {

        SaveField command(@Nullable Field current) {
            return new SaveField(
                    current != null
                            ? current.subject()
                            : subject == null ? FieldSubject.CASE : FieldSubject.from(subject),
                    name,
                    apiKey,
                    FieldType.from(type),
                    helpText,
                    requiredToSolve != null && requiredToSolve,
                    teamId == null ? null : new TeamId(teamId),
                    options == null ? List.of() : options);
        }
    }

    record ChangeFieldRequest(
            @Size(min = 1, max = 80) @Nullable String name,
            @Nullable String type,
            @Size(max = 500) @Nullable String helpText,
            @Nullable Boolean requiredToSolve,
            @Nullable UUID teamId,
            @Nullable Boolean clearTeam,
            @Size(max = 200) @Nullable List<String> options) {}

    record FieldResponse(
            UUID id,
            String subject,
            String name,
            String apiKey,
            String type,
            @Nullable String helpText,
            boolean requiredToSolve,
            @Nullable UUID teamId,
            List<String> options) {
        static FieldResponse of(Field f) {
            return new FieldResponse(
                    f.id().value(),
                    f.subject().value(),
                    f.name(),
                    f.apiKey(),
                    f.type().value(),
                    f.helpText(),
                    f.requiredToSolve(),
                    f.teamId() == null ? null : f.teamId().value(),
                    f.options());
        }
    }

    record ValueResponse(
            String apiKey,
            String name,
            String type,
            @Nullable Object value,
            @Nullable String text,
            boolean outdated) {
        static ValueResponse of(FieldValue v) {
            return new ValueResponse(
                    v.field().apiKey(), v.field().name(), v.field().type().value(), v.stored(), v.text(), v.outdated());
        }
    }

    record ValuesResponse(List<ValueResponse> items) {
        static ValuesResponse of(List<FieldValue> values) {
            return new ValuesResponse(values.stream().map(ValueResponse::of).toList());
        }
    }

    private final FieldManagement fields;
    private final CustomerFieldManagement customerFields;

    FieldsRestController(FieldManagement fields, CustomerFieldManagement customerFields) {
        this.fields = fields;
        this.customerFields = customerFields;
    }

    @GetMapping("/api/v1/fields")
    List<FieldResponse> list(@RequestParam(defaultValue = "case") String subject) {
        return fields.list(FieldSubject.from(subject)).stream()
                .map(FieldResponse::of)
                .toList();
    }

    @GetMapping("/api/v1/fields/{id}")
    FieldResponse find(@PathVariable UUID id) {
        return FieldResponse.of(fields.find(new FieldId(id)));
    }

    @PostMapping("/api/v1/fields")
    ResponseEntity<FieldResponse> create(
            @AuthenticationPrincipal SignedInAgent me, @Valid @RequestBody SaveFieldRequest request) {
        var created = fields.create(request.command(null), me);
        return ResponseEntity.created(URI.create("/api/v1/fields/" + created.id()))
                .body(FieldResponse.of(created));
    }

    @PatchMapping("/api/v1/fields/{id}")
    FieldResponse change(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @Valid @RequestBody ChangeFieldRequest request) {
        var current = fields.find(new FieldId(id));
        var team = Boolean.TRUE.equals(request.clearTeam())
                ? null
                : request.teamId() != null ? new TeamId(request.teamId()) : current.teamId();
        var changed = new SaveField(
                current.subject(),
                request.name() != null ? request.name() : current.name(),
                current.apiKey(),
                request.type() != null ? FieldType.from(request.type()) : current.type(),
                request.helpText() != null ? request.helpText() : current.helpText(),
                request.requiredToSolve() != null ? request.requiredToSolve() : current.requiredToSolve(),
                team,
                request.options() != null ? request.options() : current.options());
        return FieldResponse.of(fields.change(new FieldId(id), changed, me));
    }

    @DeleteMapping("/api/v1/fields/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        fields.delete(new FieldId(id), me);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/cases/{id}/fields")
    ValuesResponse values(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id) {
        return ValuesResponse.of(fields.caseValues(new CaseId(id), me));
    }

    /** Sets the given values by API key; {@code null} clears one. One that does not fit changes nothing. */
    @PutMapping("/api/v1/cases/{id}/fields")
    ValuesResponse set(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @NotNull @RequestBody Map<String, @Nullable Object> values) {
        return ValuesResponse.of(fields.setCaseValues(new CaseId(id), values, me));
    }

    @GetMapping("/api/v1/customers/{id}/fields")
    ValuesResponse customerValues(@PathVariable UUID id) {
        return ValuesResponse.of(customerFields.valuesOf(new CustomerId(id)));
    }

    /**
     * Sets a customer's values by API key; {@code null} clears one. One that does not fit changes
     * nothing. (Not what she declared about herself: agents set these freely.)
     */
    @PutMapping("/api/v1/customers/{id}/fields")
    ValuesResponse setCustomerValues(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @NotNull @RequestBody Map<String, @Nullable Object> values) {
        return ValuesResponse.of(customerFields.set(new CustomerId(id), values, me));
    }
}
