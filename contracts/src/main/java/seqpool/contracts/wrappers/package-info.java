/**
 * web3j wrappers of the seqpool L1 contracts, generated at build time from the solc artifacts by web3j codegen
 * (LockingPool, PoolKeyRegistry, SequencerSet, BatchInbox, ModuleRegistry, SeqpoolTimelock, TestStakeToken).
 * The compiled artifacts are resources under {@code seqpool/contracts/artifacts/NAME.json|abi|bin}.
 * <p>
 * 2.0.0: {@code BatchInbox} keeps {@code lastHeaderHash} instead of {@code batchHeaderHash(index)} and
 * {@code lastPostStateRoot} (docs/gas.md); {@code PoolKeyRegistry} has {@code keyPrefix}.
 */
@Export
@Version("2.0.0")
package seqpool.contracts.wrappers;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
