/** Value types every module uses: actors, pages, and the problems a request can run into. */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package dev.casekeeper.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
