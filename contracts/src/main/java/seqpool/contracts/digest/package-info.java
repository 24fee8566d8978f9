/**
 * The pool-signature formats of the seqpool contracts: the domain-separated digests the pool key signs
 * ({@link seqpool.contracts.digest.PoolMessageDigest}) and the signature encodings the contracts accept
 * ({@link seqpool.contracts.digest.PoolSignatureEncoding}). docs/contracts.md specifies both byte for byte.
 */
@Export
@Version("1.1.0")
package seqpool.contracts.digest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
