/**
 * Custom fields: what admins add to cases and customers for their own process (text, long text,
 * number, decimal, date, dropdown, multi-select, checkbox), with help text, an API key and, for case
 * fields, a team scope and whether a case needs a value before it is solved. Values are checked by
 * type on every path and stored with the case or the customer ({@code cases} and {@code customers}
 * find them by their values).
 */
@ApplicationModule(allowedDependencies = {"agents", "cases", "customers", "shared"})
@NullMarked
package dev.casekeeper.fields;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
