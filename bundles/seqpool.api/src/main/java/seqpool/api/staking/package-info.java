/**
 * The L1 staking contract of the pool (LockingPool): read-only views of stakes and of the active set at a confirmed
 * L1 block ({@link seqpool.api.staking.StakingView}), and the operator's own transactions
 * ({@link seqpool.api.staking.StakingOperator}). Amounts are in the stake token's smallest unit.
 */
@Export
@Version("1.2.0")
package seqpool.api.staking;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
