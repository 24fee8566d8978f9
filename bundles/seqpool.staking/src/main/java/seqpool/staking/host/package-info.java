/** OSGi edge of the staking bundle: the configured StakingView service. */
package seqpool.staking.host;
