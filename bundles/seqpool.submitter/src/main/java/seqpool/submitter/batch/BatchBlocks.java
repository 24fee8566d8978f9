package seqpool.submitter.batch;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.web3j.rlp.RlpEncoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.identity.EcdsaSignature;
import seqpool.api.sequencer.L2Block;
import seqpool.api.submitter.BatchFormatException;
import seqpool.codec.crypto.Keccak;
import seqpool.codec.crypto.Secp256k1Verifier;
import seqpool.codec.l2.L2HeaderHashing;
import seqpool.submitter.batch.RlpReader.Item;
import seqpool.submitter.batch.RlpReader.Lst;
import seqpool.submitter.batch.RlpReader.Str;

/**
 * The payload of a version-1 batch: RLP {@code [chainId, [block, ...]]}, each block
 * {@code [number, parentHash, epoch, producer, timestampMillis, stateRoot, producerSignature (r ‖ s ‖ v, v 27/28),
 * [rawTx, ...]]} (integers as minimal big-endian byte strings, zero as the empty string). The block hash is not
 * carried: it is the header hash of these fields under the L2 chain id ({@link L2HeaderHashing}), which is what the
 * producer signed, so a decoder recomputes it and checks links and signatures against it. Thread-safe.
 */
public final class BatchBlocks {
    private final long chainId;
    private final Secp256k1Verifier verifier = new Secp256k1Verifier();

    public BatchBlocks(long chainId) {
        if (chainId <= 0) {
            throw new IllegalArgumentException("L2 chain id must be positive, got " + chainId);
        }
        this.chainId = chainId;
    }

    public long chainId() {
        return chainId;
    }

    /**
     * The payload RLP of {@code blocks}.
     *
     * @throws IllegalArgumentException when the range is empty, not numbered in order, not linked by parent hash,
     *         holds an unsigned block or one whose hash is not its header hash
     */
    public byte[] encode(List<L2Block> blocks) {
        checkRange(blocks);
        List<RlpType> items = new ArrayList<>(blocks.size());
        for (L2Block b : blocks) {
            List<RlpType> txs = new ArrayList<>(b.transactions().size());
            for (Bytes tx : b.transactions()) {
                if (tx.size() == 0) {
                    throw new IllegalArgumentException("block " + b.number() + " holds an empty transaction");
                }
                txs.add(RlpString.create(tx.toArray()));
            }
            items.add(new RlpList(
                    uint(b.number()), RlpString.create(b.parentHash().value().toArray()), uint(b.epoch()),
                    RlpString.create(b.producer().value().toArray()), uint(b.timestampMillis()),
                    RlpString.create(b.stateRoot().value().toArray()),
                    RlpString.create(b.producerSignature().toBytes65().toArray()), new RlpList(txs)));
        }
        return RlpEncoder.encode(new RlpList(uint(chainId), new RlpList(items)));
    }

    /** The blocks of a payload, with their hashes recomputed and links and signatures checked. */
    public List<L2Block> decode(byte[] payload) throws BatchFormatException {
        Lst top = list(RlpReader.read(payload), 2, "batch");
        long chain = uint(top.items().get(0), "chainId");
        if (chain != chainId) {
            throw new BatchFormatException("batch is for L2 chain " + chain + ", this codec decodes chain " + chainId);
        }
        if (!(top.items().get(1) instanceof Lst blockList) || blockList.items().isEmpty()) {
            throw new BatchFormatException("batch: the block list must be a non-empty list");
        }
        List<L2Block> out = new ArrayList<>(blockList.items().size());
        for (Item item : blockList.items()) {
            L2Block previous = out.isEmpty() ? null : out.get(out.size() - 1);
            out.add(block(item, previous, out.size()));
        }
        return List.copyOf(out);
    }

    /** keccak256(hash_1 ‖ … ‖ hash_n): the {@code blockHashes} commitment of a batch header (abi.encodePacked). */
    public static Hash32 blockHashesCommitment(List<L2Block> blocks) {
        byte[][] parts = new byte[blocks.size()][];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = blocks.get(i).hash().value().toArray();
        }
        return new Hash32(Bytes.wrap(Keccak.digest(parts)));
    }

    private L2Block block(Item item, L2Block previous, int index) throws BatchFormatException {
        String where = "block " + index + " (offset " + item.offset() + ")";
        Lst f = list(item, BatchFormat.BLOCK_FIELDS, where);
        long number = uint(f.items().get(0), where + " number");
        where = "block " + number + " (offset " + item.offset() + ")";
        Hash32 parent = new Hash32(Bytes.wrap(fixed(f.items().get(1), 32, where + " parentHash")));
        long epoch = uint(f.items().get(2), where + " epoch");
        Address producer = new Address(Bytes.wrap(fixed(f.items().get(3), 20, where + " producer")));
        long timestamp = uint(f.items().get(4), where + " timestampMillis");
        Hash32 stateRoot = new Hash32(Bytes.wrap(fixed(f.items().get(5), 32, where + " stateRoot")));
        byte[] sig = fixed(f.items().get(6), BatchFormat.SIGNATURE_BYTES, where + " producerSignature");
        if ((sig[64] & 0xff) != 27 && (sig[64] & 0xff) != 28) {
            throw new BatchFormatException(where + ": signature v must be 27 or 28, got " + (sig[64] & 0xff));
        }
        if (!(f.items().get(7) instanceof Lst txList)) {
            throw new BatchFormatException(where + ": transactions must be a list");
        }
        List<Bytes> txs = new ArrayList<>(txList.items().size());
        for (Item t : txList.items()) {
            if (!(t instanceof Str s) || s.bytes().length == 0) {
                throw new BatchFormatException(where + ": transaction " + txs.size()
                        + " must be a non-empty byte string");
            }
            txs.add(Bytes.wrap(s.bytes()));
        }
        if (previous != null) {
            if (number != previous.number() + 1) {
                throw new BatchFormatException(where + ": follows block " + previous.number());
            }
            if (!parent.equals(previous.hash())) {
                throw new BatchFormatException(where + ": parentHash " + parent + " is not the hash of block "
                        + previous.number() + " " + previous.hash());
            }
        }
        Hash32 hash = L2HeaderHashing.hash(chainId, number, parent, epoch, producer, timestamp,
                L2HeaderHashing.txRoot(txs), stateRoot);
        EcdsaSignature signature;
        try {
            signature = EcdsaSignature.fromBytes65(Bytes.wrap(sig));
        } catch (IllegalArgumentException e) {
            throw new BatchFormatException(where + ": " + e.getMessage(), e);
        }
        if (!verifier.verify(hash, signature, producer)) {
            throw new BatchFormatException(where + ": the signature does not recover to producer " + producer
                    + " for header hash " + hash);
        }
        return new L2Block(number, hash, parent, epoch, producer, timestamp, txs, stateRoot, signature);
    }

    private void checkRange(List<L2Block> blocks) {
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("a batch holds at least one block");
        }
        L2Block previous = null;
        for (L2Block b : blocks) {
            if (b.producerSignature() == null) {
                throw new IllegalArgumentException("block " + b.number() + " is not signed");
            }
            if (b.timestampMillis() < 0) {
                throw new IllegalArgumentException("block " + b.number() + " has a negative timestamp");
            }
            Hash32 hash = L2HeaderHashing.hash(chainId, b.number(), b.parentHash(), b.epoch(), b.producer(),
                    b.timestampMillis(), L2HeaderHashing.txRoot(b.transactions()), b.stateRoot());
            if (!hash.equals(b.hash())) {
                throw new IllegalArgumentException("block " + b.number() + ": hash " + b.hash()
                        + " is not its header hash on chain " + chainId + " (" + hash + ")");
            }
            if (previous != null && (b.number() != previous.number() + 1 || !b.parentHash().equals(previous.hash()))) {
                throw new IllegalArgumentException("block " + b.number() + " does not follow block "
                        + previous.number());
            }
            previous = b;
        }
    }

    private static RlpString uint(long v) {
        return RlpString.create(BigInteger.valueOf(v));
    }

    private static Lst list(Item item, int size, String what) throws BatchFormatException {
        if (!(item instanceof Lst l) || l.items().size() != size) {
            throw new BatchFormatException(what + " must be a list of " + size + " items");
        }
        return l;
    }

    private static byte[] fixed(Item item, int size, String what) throws BatchFormatException {
        if (!(item instanceof Str s) || s.bytes().length != size) {
            throw new BatchFormatException(what + " must be " + size + " bytes, got "
                    + (item instanceof Str s2 ? s2.bytes().length + " bytes" : "a list"));
        }
        return s.bytes();
    }

    private static long uint(Item item, String what) throws BatchFormatException {
        if (!(item instanceof Str s)) {
            throw new BatchFormatException(what + " must be an integer, got a list");
        }
        byte[] b = s.bytes();
        if (b.length > 0 && b[0] == 0) {
            throw new BatchFormatException(what + ": non-canonical integer (leading zero byte)");
        }
        if (b.length > 8 || (b.length == 8 && b[0] < 0)) {
            throw new BatchFormatException(what + ": integer above 2^63 - 1");
        }
        long v = 0;
        for (byte x : b) {
            v = (v << 8) | (x & 0xff);
        }
        return v;
    }
}
