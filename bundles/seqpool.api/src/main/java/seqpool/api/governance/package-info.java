/**
 * Module rollout (DESIGN.md §7): module versions approved on L1 ModuleRegistry, the versions active on this
 * node, and the operator's off-protocol local override.
 */
@Export
@Version("1.0.0")
package seqpool.api.governance;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
