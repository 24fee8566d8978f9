package seqpool.api.sequencer;

import java.util.List;

import seqpool.api.common.Hash32;

/** The state root after a block and the transactions that were dropped as invalid (with reasons, same order). */
public record ExecutionResult(Hash32 stateRoot, long gasUsed, List<String> rejected) {
    public ExecutionResult {
        rejected = List.copyOf(rejected);
    }
}
