package seqpool.sequencer.evm;

/**
 * Turns a block parameter of a forwarded request into what this node's anvil should see. The JSON-RPC server maps
 * {@code safe} and {@code finalized} to block numbers it knows (anvil's own idea of them is meaningless for the L2),
 * e.g. {@code tag -> tag.equals("finalized") ? Quantity(lastBatchOnL1) : tag}. Called for string block parameters
 * only (tags and hex numbers); {@code latest} is pinned to the engine's head before the hook runs.
 */
@FunctionalInterface
public interface BlockTagHook {
    /** Returns the block parameter to send instead of {@code blockParameter} (a tag or a hex number). */
    String translate(String blockParameter);

    static BlockTagHook identity() {
        return tag -> tag;
    }
}
