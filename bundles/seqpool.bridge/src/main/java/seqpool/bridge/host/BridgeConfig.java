package seqpool.bridge.host;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the bridge (PID {@code seqpool.bridge}); see docs/bridge.md. */
@ObjectClassDefinition(name = "seqpool bridge (L1 listener)",
        description = "Follows the seqpool contracts on L1 and records their confirmed events")
public @interface BridgeConfig {
    @AttributeDefinition(description = "L1 JSON-RPC URL (http or https)")
    String rpcUrl();

    @AttributeDefinition(description = "addresses file written by `seqpool contracts deploy`")
    String contractsFile() default "contracts.yaml";

    @AttributeDefinition(description = "blocks on top of a block before its events are recorded (1..10000)")
    int confirmations() default 12;

    @AttributeDefinition(description = "how often the L1 head is polled, in ms (10..600000)")
    long pollMs() default 1000;

    @AttributeDefinition(description = "first L1 block to read while nothing is recorded; -1 = the file's deployBlock")
    long startBlock() default -1;

    @AttributeDefinition(description = "most blocks per eth_getLogs request (1..100000)")
    int maxBlockRange() default 1000;

    @AttributeDefinition(description = "first wait after an L1 failure, in ms; doubles per failure")
    long backoffMinMs() default 250;

    @AttributeDefinition(description = "longest wait between L1 retries, in ms")
    long backoffMaxMs() default 30000;
}
