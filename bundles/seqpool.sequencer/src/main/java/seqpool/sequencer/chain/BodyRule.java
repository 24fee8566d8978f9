package seqpool.sequencer.chain;

import java.util.Optional;

import seqpool.api.common.Hash32;
import seqpool.api.sequencer.L2Block;

/**
 * The rule for a block's body (its transactions and state root), checked after the header. This is where execution
 * plugs in: a later version checks the transactions and compares the state root an {@code ExecutionEngine} computes.
 * Until then ({@code l2/1}) the only valid body is the empty one: no transactions and the state root {@link
 * Hash32#ZERO}, because nothing is executed and there is no state.
 */
@FunctionalInterface
public interface BodyRule {
    /** Empty if the body is valid, else what is wrong with it. */
    Optional<String> violation(L2Block block);

    /** l2/1: no transactions, state root zero. */
    BodyRule EMPTY_BLOCKS = block -> {
        if (!block.transactions().isEmpty()) {
            return Optional.of(block.transactions().size() + " transactions; l2/1 blocks carry none");
        }
        if (!block.stateRoot().isZero()) {
            return Optional.of("state root " + block.stateRoot() + "; l2/1 blocks have the zero root (no execution)");
        }
        return Optional.empty();
    };

    /**
     * l2/2, with an execution engine: any transactions the wire carries; the engine replays them and compares the
     * state root before the block is stored, so the body's real check is execution itself.
     */
    BodyRule EXECUTED = block -> Optional.empty();
}
