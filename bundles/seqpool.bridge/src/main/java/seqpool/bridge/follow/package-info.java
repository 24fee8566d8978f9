/**
 * The Listener's rules, free of I/O: which block range to read next ({@link seqpool.bridge.follow.ConfirmationRule}),
 * whether a reading of L1 may be recorded ({@link seqpool.bridge.follow.RangeVerifier}: chain link to the cursor,
 * block hashes of the logs, a stable chain while reading), when a reorg is deeper than the confirmations
 * ({@link seqpool.bridge.follow.ReorgRule}), one follow step ({@link seqpool.bridge.follow.Follower}) and subscription
 * delivery ({@link seqpool.bridge.follow.Subscriptions}). L1 and the record are reached through the
 * {@link seqpool.bridge.follow.L1Chain} and {@link seqpool.bridge.follow.FollowRecord} interfaces, implemented in
 * {@code l1} and {@code record} (and by fakes in tests).
 */
package seqpool.bridge.follow;
