/**
 * The agent workspace: the case lists with their live counts, the case page with its timeline,
 * reply and note boxes and controls, and the context panel about the customer.
 */
@ApplicationModule(allowedDependencies = {"agents", "assist", "cases", "channels", "customers", "live", "shared"})
@NullMarked
package dev.casekeeper.workspace;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
