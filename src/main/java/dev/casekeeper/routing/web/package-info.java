/**
 * Routing's pages: the presence control and incoming offers in the workspace's top bar, the live
 * contact panel of the case page (hold, transfers, supervisor requests), and the supervisors' live
 * queues page.
 */
@NullMarked
package dev.casekeeper.routing.web;

import org.jspecify.annotations.NullMarked;
