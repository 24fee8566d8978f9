/**
 * OSGi edge of the staking bundle: the configured StakingView service and the PoolActionSender service (both PID
 * {@code seqpool.staking}).
 */
package seqpool.staking.host;
