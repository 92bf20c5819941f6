package dev.casekeeper.fields;

import dev.casekeeper.cases.CaseCloseGuard;
import dev.casekeeper.cases.CaseId;
import dev.casekeeper.cases.CaseStatus;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A case is not solved or closed while a field required to solve it is empty. */
@Component
class RequiredFieldsGuard implements CaseCloseGuard {

    private final FieldManagement fields;

    RequiredFieldsGuard(FieldManagement fields) {
        this.fields = fields;
    }

    @Override
    public Optional<Refusal> refusal(CaseId caseId, CaseStatus target) {
        var missing = fields.valuesOf(caseId).stream()
                .filter(v -> v.field().requiredToSolve() && v.empty())
                .map(v -> v.field().name())
                .toList();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(
                "required-fields",
                "The case cannot become " + target.value() + " before these fields are filled in: "
                        + String.join(", ", missing)));
    }
}
