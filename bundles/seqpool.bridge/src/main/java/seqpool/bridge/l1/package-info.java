/**
 * The Listener's L1 edge: {@link seqpool.bridge.l1.Web3jL1Chain} (plain web3j JSON-RPC calls),
 * {@link seqpool.bridge.l1.RetryingL1Chain} (the wrapper that retries with capped exponential backoff, logs one
 * WARN per failure streak and one INFO on recovery, and reports the last error) and
 * {@link seqpool.bridge.l1.FollowedContracts} (the followed addresses and their event names, taken from the
 * generated contract wrappers).
 */
package seqpool.bridge.l1;
