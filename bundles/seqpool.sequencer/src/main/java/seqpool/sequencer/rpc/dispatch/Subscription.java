package seqpool.sequencer.rpc.dispatch;

import seqpool.sequencer.rpc.LogCriteria;

/** What an {@code eth_subscribe} asked for. */
public sealed interface Subscription {
    /** Every new head block's header. */
    record NewHeads() implements Subscription {
    }

    /** Each log of new blocks that matches, and each such log again with {@code removed: true} on a rewind. */
    record Logs(LogCriteria criteria) implements Subscription {
        public Logs {
            if (criteria == null) {
                throw new IllegalArgumentException("criteria is null");
            }
        }
    }
}
