package seqpool.pos.host;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the PoS application and this node's duties (PID {@code seqpool.pos}). Times in milliseconds. */
@ObjectClassDefinition(name = "seqpool pos", description = "PoS application: epochs, rotation, committee, pool tasks")
public @interface PosConfig {
    @AttributeDefinition(description = "L1 JSON-RPC URL (genesis is read from it once)")
    String rpcUrl() default "http://127.0.0.1:8545";

    @AttributeDefinition(description = "addresses file written by `seqpool contracts deploy`")
    String contractsFile() default "contracts.yaml";

    @AttributeDefinition(description = "L1 block whose active sequencers are the genesis validators (must be confirmed)")
    long genesisL1Block();

    @AttributeDefinition(description = "L2 blocks per epoch")
    long epochLength() default 100;

    @AttributeDefinition(description = "first L2 block number (SequencerSet's genesisL2Block)")
    long firstL2Block() default 1;

    @AttributeDefinition(description = "L2 chain id (bound into L2 header signatures)")
    long l2ChainId() default 901;

    @AttributeDefinition(description = "stalls within faultWindowEpochs that jail a producer")
    int jailAfterFaults() default 3;

    int faultWindowEpochs() default 100;

    @AttributeDefinition(description = "consensus heights a task attempt may stay open before it is re-opened")
    long taskTimeoutHeights() default 120;

    int maxEventsPerBlock() default 64;

    @AttributeDefinition(description = "basis points of its stake an L2 producer loses for signing two blocks of one "
            + "number; the same on every node", min = "0", max = "10000")
    int l2EquivocationSlashBps() default 1000;

    @AttributeDefinition(description = "a forced-inclusion message is due this many L2 blocks after the committed L2 "
            + "head it was committed at (0: forced inclusion off); the same on every node")
    long forcedInclusionBlocks() default 10;

    @AttributeDefinition(description = "a producer that makes no L2 block for this long gets this node's rotation vote")
    long producerTimeoutMs() default 3000;

    @AttributeDefinition(description = "a fallback poster of rank r posts after r times this delay")
    long postFallbackMs() default 5000;

    @AttributeDefinition(description = "id of the pool's threshold key")
    String keyId() default "pool";

    @AttributeDefinition(description = "node name in trace events (empty: the signer address)")
    String traceName() default "";
}
