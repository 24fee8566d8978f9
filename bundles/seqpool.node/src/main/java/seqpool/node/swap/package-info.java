/**
 * Blue-green hot swap of a module bundle on a running framework: the new version is installed beside the old one,
 * started and health-checked, then the old one is uninstalled; on failure the new one is removed and the old one keeps
 * running. Used by the node's admin API ({@code seqpool modules update}) and by the integration tests.
 */
@Export
@Version("1.0.0")
package seqpool.node.swap;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
