package seqpool.sequencer.rpc;

import java.math.BigInteger;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;

/**
 * A block header as the JSON-RPC shows it (execution-apis {@code Block} without its body; also the payload of a
 * {@code newHeads} notification). {@code sha3Uncles} is always the empty-ommers hash and {@code difficulty} 0.
 *
 * @param timestamp seconds since the epoch
 * @param logsBloom 256 bytes
 * @param nonce 8 bytes
 * @param baseFeePerGas null before EIP-1559
 * @param withdrawalsRoot null before Shanghai (then also no {@code withdrawals} list in blocks)
 * @param blobGasUsed null before Cancun
 * @param excessBlobGas null before Cancun
 * @param parentBeaconBlockRoot null before Cancun
 * @param requestsHash null before Prague
 */
public record RpcHeader(long number, Hash32 hash, Hash32 parentHash, long timestamp, Address miner, Hash32 stateRoot,
        Hash32 transactionsRoot, Hash32 receiptsRoot, Bytes logsBloom, long gasLimit, long gasUsed, Bytes extraData,
        Hash32 mixHash, Bytes nonce, BigInteger baseFeePerGas, Hash32 withdrawalsRoot, Long blobGasUsed,
        Long excessBlobGas, Hash32 parentBeaconBlockRoot, Hash32 requestsHash) {
    /** keccak256(rlp([])): the ommers hash of every post-merge block. */
    public static final Hash32 EMPTY_OMMERS_HASH =
            Hash32.fromHex("1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347");
    /** keccak256(rlp("")): the root of an empty trie (no transactions, no receipts, no withdrawals). */
    public static final Hash32 EMPTY_TRIE_ROOT =
            Hash32.fromHex("56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");
    public static final Bytes EMPTY_BLOOM = Bytes.wrap(new byte[256]);
    public static final Bytes ZERO_NONCE = Bytes.wrap(new byte[8]);

    public RpcHeader {
        if (number < 0 || timestamp < 0 || gasLimit < 0 || gasUsed < 0) {
            throw new IllegalArgumentException("negative header field in block " + number);
        }
        if (hash == null || parentHash == null || miner == null || stateRoot == null || transactionsRoot == null
                || receiptsRoot == null || mixHash == null || extraData == null) {
            throw new IllegalArgumentException("missing header field in block " + number);
        }
        if (logsBloom == null || logsBloom.size() != 256) {
            throw new IllegalArgumentException("logsBloom must be 256 bytes in block " + number);
        }
        if (nonce == null || nonce.size() != 8) {
            throw new IllegalArgumentException("nonce must be 8 bytes in block " + number);
        }
        if (baseFeePerGas != null && baseFeePerGas.signum() < 0) {
            throw new IllegalArgumentException("negative base fee in block " + number);
        }
    }
}
