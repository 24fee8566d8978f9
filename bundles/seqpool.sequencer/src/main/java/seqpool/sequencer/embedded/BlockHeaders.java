package seqpool.sequencer.embedded;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.web3j.rlp.RlpEncoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.codec.crypto.Keccak;

/**
 * The embedded engine's own header encoding and roots, Ethereum-style (Keccak-256 of RLP) but not Ethereum's:
 * <ul>
 * <li>block hash = {@code keccak256(rlp([ "seqpool.embedded.v1", chainId, number, parentHash, timestampMillis, miner,
 * stateRoot, transactionsRoot, receiptsRoot, gasUsed, gasLimit, baseFeePerGas ]))};</li>
 * <li>transactionsRoot = {@code keccak256(rlp([txHash...]))} in block order;</li>
 * <li>receiptsRoot = {@code keccak256(rlp([[type, status, cumulativeGasUsed, gasUsed, effectiveGasPrice]...]))}.</li>
 * </ul>
 * Integers are RLP scalars (big-endian, no leading zeros), hashes and addresses byte strings. These are ordered-list
 * commitments, not Merkle-Patricia tries: Ethereum tooling that checks trie roots will not match them.
 */
final class BlockHeaders {
    static final String DOMAIN = "seqpool.embedded.v1";

    private BlockHeaders() {
    }

    static Hash32 hash(long chainId, long number, Hash32 parentHash, long timestampMillis, Address miner,
            Hash32 stateRoot, Hash32 transactionsRoot, Hash32 receiptsRoot, long gasUsed, long gasLimit,
            BigInteger baseFee) {
        List<RlpType> fields = List.of(RlpString.create(DOMAIN.getBytes(StandardCharsets.US_ASCII)),
                scalar(chainId), scalar(number), bytes(parentHash.value()), scalar(timestampMillis),
                bytes(miner.value()), bytes(stateRoot.value()), bytes(transactionsRoot.value()),
                bytes(receiptsRoot.value()), scalar(gasUsed), scalar(gasLimit), RlpString.create(baseFee));
        return keccak(new RlpList(fields));
    }

    static Hash32 transactionsRoot(List<Hash32> hashes) {
        List<RlpType> items = new ArrayList<>(hashes.size());
        for (Hash32 h : hashes) {
            items.add(bytes(h.value()));
        }
        return keccak(new RlpList(items));
    }

    static Hash32 receiptsRoot(List<BlockExecutor.ExecutedTx> executed) {
        List<RlpType> items = new ArrayList<>(executed.size());
        for (BlockExecutor.ExecutedTx e : executed) {
            items.add(new RlpList(scalar(e.rtx().tx().type()), scalar(1), scalar(e.cumulativeGasUsed()),
                    scalar(e.gasUsed()), RlpString.create(e.effectiveGasPrice())));
        }
        return keccak(new RlpList(items));
    }

    /** The hash of a block record's header fields (to check a stored block). */
    static Hash32 hashOf(long chainId, BlockInfo b) {
        return hash(chainId, b.number(), b.parentHash(), b.timestampMillis(), b.miner(), b.stateRoot(),
                b.transactionsRoot(), b.receiptsRoot(), b.gasUsed(), b.gasLimit(), b.baseFeePerGas());
    }

    private static RlpString scalar(long v) {
        return RlpString.create(BigInteger.valueOf(v));
    }

    private static RlpString bytes(Bytes b) {
        return RlpString.create(b.toArray());
    }

    private static Hash32 keccak(RlpList list) {
        return new Hash32(Bytes.wrap(Keccak.digest(RlpEncoder.encode(list))));
    }
}
