/**
 * The pure part of posting the pool's decisions to L1: when an action is already on L1 (the "AlreadyDone" rule,
 * {@link seqpool.staking.actions.PoolActionRules}) and the check–send–re-check sequence that lets several nodes act
 * as designated sender and fallback ({@link seqpool.staking.actions.AlreadyDoneGuard}). No I/O: the web3j side is in
 * {@code seqpool.staking.l1}.
 */
package seqpool.staking.actions;
