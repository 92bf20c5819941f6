package dev.casekeeper.macros;

import java.util.UUID;

/** Identifies a canned response. */
public record MacroId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
