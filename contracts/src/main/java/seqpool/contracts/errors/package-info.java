/** Decoding of revert data (custom errors of the seqpool contracts, {@code Error(string)}, {@code Panic(uint256)}). */
@Export
@Version("1.0.0")
package seqpool.contracts.errors;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
