/**
 * Operator command-line contract: each bundle that offers operator commands registers a {@link seqpool.api.cli.CliCommand}
 * service; the {@code seqpool} launcher dispatches {@code seqpool NAME args...} to the service of that name.
 */
@Export
@Version("1.0.0")
package seqpool.api.cli;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
