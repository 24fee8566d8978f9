/**
 * EIP-712 typed-data hashing of seqpool's signed consensus objects (DESIGN.md §4), shared by the engine, the tests and
 * the L1 contracts that verify double-sign evidence: the domain {@code EIP712Domain(string name,string version,
 * uint256 chainId,address verifyingContract)} with name "seqpool" and version "1",
 * {@code Vote(uint8 kind,uint64 height,uint32 round,bytes32 blockId)} and
 * {@code Proposal(uint64 height,uint32 round,int32 validRound,bytes32 blockId)}. Stateless and thread-safe.
 */
@Export
@Version("1.0.0")
package seqpool.codec.eip712;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
