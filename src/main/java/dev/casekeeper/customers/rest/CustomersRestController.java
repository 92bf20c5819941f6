package dev.casekeeper.customers.rest;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import dev.casekeeper.agents.SignedInAgent;
import dev.casekeeper.customers.ChangeCustomer;
import dev.casekeeper.customers.CreateCustomer;
import dev.casekeeper.customers.Customer;
import dev.casekeeper.customers.CustomerChange;
import dev.casekeeper.customers.CustomerId;
import dev.casekeeper.customers.CustomerManagement;
import dev.casekeeper.customers.IdentityKind;
import dev.casekeeper.shared.AccessDeniedException;
import dev.casekeeper.shared.Actor;
import dev.casekeeper.shared.InvalidInputException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customers. Agents read and update them; a field the customer declared stays theirs. Recording
 * what a customer declared ({@code "declaredBy": "customer"}) is for admin tokens of integrations
 * that heard it from the customer (a sign-up form, a verified channel).
 */
@RestController
@RequestMapping("/api/v1/customers")
class CustomersRestController {

    record CreateCustomerRequest(
            @Size(max = 200) @Nullable String displayName,
            @Nullable List<@NotBlank String> emails,
            @Nullable List<@NotBlank String> phones,
            // A field given as null is left empty, as "" is: the one place a request body takes a null inside.
            @JsonSetter(contentNulls = Nulls.SET) @Nullable Map<String, String> fields,
            // Custom fields admins defined for customers, by API key; null leaves one empty.
            @JsonSetter(contentNulls = Nulls.SET) @Size(max = 100) @Nullable
            Map<String, @Nullable Object> customFields) {}

    record ChangeCustomerRequest(
            @Size(min = 1, max = 200) @Nullable String displayName,
            // A field set to null is removed, as with "".
            @JsonSetter(contentNulls = Nulls.SET) @Nullable Map<String, String> fields,
            @Nullable String declaredBy,
            // Custom fields by API key; null clears one. Agents set them freely: they are not declared.
            @JsonSetter(contentNulls = Nulls.SET) @Size(max = 100) @Nullable
            Map<String, @Nullable Object> customFields) {}

    record AddIdentityRequest(
            @NotBlank String kind,
            @NotBlank @Size(max = 320) String value,
            @Nullable Boolean verified) {}

    record IdentityResponse(String kind, String value, boolean verified) {}

    record CustomerFieldResponse(
            String value, String setBy, @Nullable UUID setById, boolean lockedForAgents, Instant setAt) {}

    record CustomerResponse(
            UUID id,
            String displayName,
            List<String> emails,
            List<String> phones,
            List<IdentityResponse> identities,
            Map<String, CustomerFieldResponse> fields,
            Instant createdAt,
            Instant updatedAt,
            @Nullable UUID mergedInto,
            @Nullable Instant erasedAt,
            List<String> tags,
            Map<String, Object> customFields) {
        static CustomerResponse of(Customer customer, Map<String, Object> customFields) {
            return new CustomerResponse(
                    customer.id().value(),
                    customer.displayName(),
                    values(customer, IdentityKind.EMAIL),
                    values(customer, IdentityKind.PHONE),
                    customer.identities().stream()
                            .map(i -> new IdentityResponse(i.kind().value(), i.value(), i.verified()))
                            .toList(),
                    customer.fields().entrySet().stream()
                            .collect(java.util.stream.Collectors.toMap(
                                    Map.Entry::getKey,
                                    e -> new CustomerFieldResponse(
                                            e.getValue().value(),
                                            e.getValue().setBy().value(),
                                            e.getValue().setById(),
                                            e.getValue().declaredByCustomer(),
                                            e.getValue().setAt()),
                                    (a, b) -> a,
                                    java.util.TreeMap::new)),
                    customer.createdAt(),
                    customer.updatedAt(),
                    customer.mergedInto() == null ? null : customer.mergedInto().value(),
                    customer.erasedAt(),
                    customer.tags(),
                    new java.util.TreeMap<>(customFields));
        }

        private static List<String> values(Customer customer, IdentityKind kind) {
            return customer.identities().stream()
                    .filter(i -> i.kind() == kind)
                    .map(i -> i.value())
                    .toList();
        }
    }

    record CustomerPage(
            List<CustomerResponse> items, @Nullable String nextCursor) {}

    record CustomerChangeResponse(
            String actorKind,
            @Nullable UUID actorId,
            String field,
            @Nullable String before,
            @Nullable String after,
            Instant at) {}

    private final CustomerManagement customers;
    private final CustomerCustomFields customFields;

    CustomersRestController(CustomerManagement customers, CustomerCustomFields customFields) {
        this.customers = customers;
        this.customFields = customFields;
    }

    @PostMapping
    ResponseEntity<CustomerResponse> create(
            @AuthenticationPrincipal SignedInAgent me, @Valid @RequestBody CreateCustomerRequest request) {
        // Checked first: a value that does not fit adds no customer.
        var checked = customFields.check(request.customFields(), Map.of());
        var customer = customers.create(
                new CreateCustomer(
                        request.displayName() == null ? "" : request.displayName(),
                        request.emails() == null ? List.of() : request.emails(),
                        request.phones() == null ? List.of() : request.phones(),
                        request.fields() == null ? Map.of() : request.fields()),
                me.actor());
        customFields.store(customer.id(), checked, me.actor());
        return ResponseEntity.created(URI.create("/api/v1/customers/" + customer.id()))
                .body(response(customer));
    }

    @GetMapping
    CustomerPage search(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "25") @Min(1) @Max(100) int limit,
            @RequestParam Map<String, String> parameters) {
        var page = customers.search(q, customFields.filter(parameters), cursor, limit);
        var values = customFields.of(page.items().stream().map(Customer::id).toList());
        return new CustomerPage(
                page.items().stream()
                        .map(c -> CustomerResponse.of(c, values.getOrDefault(c.id(), Map.of())))
                        .toList(),
                page.nextCursor());
    }

    @GetMapping("/{id}")
    CustomerResponse find(@PathVariable UUID id) {
        return response(customers.find(new CustomerId(id)));
    }

    @PatchMapping("/{id}")
    CustomerResponse change(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @Valid @RequestBody ChangeCustomerRequest request) {
        var customerId = new CustomerId(id);
        Actor actor = me.actor();
        if ("customer".equals(request.declaredBy())) {
            if (!me.isAdmin()) {
                throw new AccessDeniedException(
                        "Only admin tokens of integrations may record what a customer declared");
            }
            actor = Actor.customer(id);
        } else if (request.declaredBy() != null && !"agent".equals(request.declaredBy())) {
            throw new InvalidInputException("declaredBy", "must be customer or agent");
        }
        // Checked first: a value that does not fit changes nothing of the request.
        var checked = customFields.check(request.customFields(), customFields.before(customerId));
        var changed = customers.change(
                customerId,
                new ChangeCustomer(request.displayName(), request.fields() == null ? Map.of() : request.fields()),
                actor);
        customFields.store(customerId, checked, me.actor());
        return response(changed);
    }

    @PostMapping("/{id}/identities")
    CustomerResponse addIdentity(
            @AuthenticationPrincipal SignedInAgent me,
            @PathVariable UUID id,
            @Valid @RequestBody AddIdentityRequest request) {
        IdentityKind kind;
        try {
            kind = IdentityKind.from(request.kind());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", "must be email or phone");
        }
        return response(customers.addIdentity(
                new CustomerId(id), kind, request.value(), Boolean.TRUE.equals(request.verified()), me.actor()));
    }

    @GetMapping("/{id}/history")
    List<CustomerChangeResponse> history(@PathVariable UUID id) {
        return customers.history(new CustomerId(id)).stream()
                .map(CustomersRestController::change)
                .toList();
    }

    private CustomerResponse response(Customer customer) {
        return CustomerResponse.of(customer, customFields.before(customer.id()));
    }

    private static CustomerChangeResponse change(CustomerChange c) {
        return new CustomerChangeResponse(
                c.actor().kind().value(), c.actor().id(), c.field(), c.before(), c.after(), c.at());
    }
}
