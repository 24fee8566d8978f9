package seqpool.sequencer.derive.cli;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What one derivation runs with, resolved from the options, then the node's configuration file, then the defaults
 * of a node (docs/derive.md, "Genesis"). {@code from}/{@code to} of -1 mean the contracts' deploy block / the L1 head.
 */
record DeriveSettings(String l1Url, String beaconUrl, Optional<String> compareUrl, Path contractsFile, long from,
        long to, long l2ChainId, long firstL2Block, String engine, long genesisTimestamp, Optional<Path> anvil,
        String l1Fork, int maxBlobsPerTransaction, int attempts, int logRange) {
}
