package dev.casekeeper.actions;

import dev.casekeeper.agents.Role;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/** A role in the API as the rest of it writes roles in words: {@code agent}, {@code supervisor}, {@code admin}. */
final class RoleValue extends StdSerializer<Role> {

    RoleValue() {
        super(Role.class);
    }

    @Override
    public void serialize(Role role, JsonGenerator generator, SerializationContext context) {
        generator.writeString(role.value());
    }
}
