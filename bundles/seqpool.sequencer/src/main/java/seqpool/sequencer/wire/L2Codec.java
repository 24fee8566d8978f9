package seqpool.sequencer.wire;

import java.util.ArrayList;
import java.util.List;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.identity.EcdsaSignature;
import seqpool.api.sequencer.L2Block;
import seqpool.codec.wire.MalformedMessageException;
import seqpool.codec.wire.WireReader;
import seqpool.codec.wire.WireWriter;
import seqpool.sequencer.wire.L2Message.BlockRequest;
import seqpool.sequencer.wire.L2Message.BlockResponse;
import seqpool.sequencer.wire.L2Message.NewBlock;
import seqpool.sequencer.wire.L2Message.Status;

/**
 * The canonical encoding of l2/1 (docs/sequencer.md, "Wire format"). Integers are big-endian; a message is a one-byte
 * tag and its fields:
 * <pre>
 * block    = number u64 | hash 32 | parentHash 32 | epoch u64 | producer 20 | timestampMillis u64
 *            | txCount u32 | (txLength u32 | tx)* | stateRoot 32 | signature 65 (r | s | v, v = 27 or 28)
 * fblock   = block | forcedCursor u64
 * 1 NewBlock            = block                  (forcedCursor 0)
 * 2 Status              = headNumber u64 | headHash 32
 * 3 BlockRequest        = from u64 | to u64      (from ≤ to, at most maxBlocksPerMessage blocks)
 * 4 BlockResponse       = count u32 | block*     (ascending, contiguous; every forcedCursor 0)
 * 5 ForwardTxs          = count u32 | (txLength u32 | tx)*   (at most maxBlockTxs)
 * 6 NewForcedBlock      = fblock                 (forcedCursor &gt; 0)
 * 7 ForcedBlockResponse = count u32 | fblock*    (ascending, contiguous; some forcedCursor &gt; 0)
 * </pre>
 * Tags 6 and 7 came with forced inclusion: a block whose chain has consumed no forced message is sent exactly as
 * before, and each block has one encoding (the encoder picks the tag; the decoder refuses the other choice). Decoding
 * rejects anything else: unknown tags, trailing bytes, numbers ≥ 2^63, lengths and counts over the limits, a
 * non-canonical v. Thread-safe (the limits are immutable).
 */
public final class L2Codec {
    static final int NEW_BLOCK = 1, STATUS = 2, BLOCK_REQUEST = 3, BLOCK_RESPONSE = 4, FORWARD_TXS = 5,
            NEW_FORCED_BLOCK = 6, FORCED_BLOCK_RESPONSE = 7;
    /** Encoded size of a block without transactions. */
    public static final int EMPTY_BLOCK_BYTES = 8 + 32 + 32 + 8 + 20 + 8 + 4 + 32 + 65;
    /** The first byte of a stored block with a forced cursor (a plain block starts with its number, below 2^63). */
    static final int STORED_FORCED = 0xff;

    private final WireLimits limits;

    public L2Codec(WireLimits limits) {
        this.limits = limits;
    }

    public WireLimits limits() {
        return limits;
    }

    public Bytes encode(L2Message message) {
        WireWriter w = new WireWriter();
        if (message instanceof NewBlock m) {
            boolean forced = m.block().forcedCursor() > 0;
            writeBlock(w.u8(forced ? NEW_FORCED_BLOCK : NEW_BLOCK), m.block(), forced);
        } else if (message instanceof Status m) {
            w.u8(STATUS).u64(m.headNumber()).raw(m.headHash().value());
        } else if (message instanceof BlockRequest m) {
            w.u8(BLOCK_REQUEST).u64(m.from()).u64(m.to());
        } else if (message instanceof BlockResponse m) {
            boolean forced = m.blocks().stream().anyMatch(b -> b.forcedCursor() > 0);
            w.u8(forced ? FORCED_BLOCK_RESPONSE : BLOCK_RESPONSE).u32(m.blocks().size());
            m.blocks().forEach(b -> writeBlock(w, b, forced));
        } else if (message instanceof L2Message.ForwardTxs m) {
            w.u8(FORWARD_TXS).u32(m.transactions().size());
            m.transactions().forEach(w::bytes);
        } else {
            throw new IllegalArgumentException("unknown l2 message " + message);
        }
        return w.toBytes();
    }

    public L2Message decode(Bytes payload) throws MalformedMessageException {
        if (payload.size() > limits.maxMessageBytes()) {
            throw new MalformedMessageException("message of " + payload.size() + " bytes exceeds the limit of "
                    + limits.maxMessageBytes());
        }
        WireReader r = new WireReader(payload);
        L2Message m;
        int tag = r.u8("tag");
        try {
            m = switch (tag) {
                case NEW_BLOCK -> new NewBlock(readBlock(r, false));
                case NEW_FORCED_BLOCK -> new NewBlock(forcedOnly(readBlock(r, true)));
                case STATUS -> new Status(r.u63("head number"), new Hash32(r.fixed(32, "head hash")));
                case BLOCK_REQUEST -> readRequest(r);
                case BLOCK_RESPONSE -> readResponse(r, false);
                case FORCED_BLOCK_RESPONSE -> readResponse(r, true);
                case FORWARD_TXS -> readForward(r);
                default -> throw new MalformedMessageException("unknown l2 message tag " + tag);
            };
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("invalid l2 message (tag " + tag + "): " + e.getMessage());
        }
        r.end();
        return m;
    }

    /**
     * The canonical bytes of one block as stored: {@code block} for a block with forced cursor 0 (as before forced
     * inclusion), {@code 0xff | fblock} otherwise.
     */
    public static Bytes encodeBlock(L2Block block) {
        WireWriter w = new WireWriter();
        boolean forced = block.forcedCursor() > 0;
        if (forced) {
            w.u8(STORED_FORCED);
        }
        writeBlock(w, block, forced);
        return w.toBytes();
    }

    /** One stored block ({@link #encodeBlock}), nothing before or after it. */
    public L2Block decodeBlock(Bytes encoded) throws MalformedMessageException {
        WireReader r = new WireReader(encoded);
        try {
            boolean forced = encoded.size() > 0 && (encoded.get(0) & 0xff) == STORED_FORCED;
            if (forced) {
                r.u8("stored block marker");
            }
            L2Block b = forced ? forcedOnly(readBlock(r, true)) : readBlock(r, false);
            r.end();
            return b;
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("invalid block: " + e.getMessage());
        }
    }

    /**
     * The size a block takes in a block response (at most: with its forced cursor, as in a response that needs
     * tag 7), to keep a response under the message limit.
     */
    public static int encodedSize(L2Block block) {
        int size = EMPTY_BLOCK_BYTES + (block.forcedCursor() > 0 ? 8 : 0);
        for (Bytes tx : block.transactions()) {
            size += 4 + tx.size();
        }
        return size;
    }

    /** What a block adds to a response in the worst case (tag 7 carries a cursor for every block). */
    public static int responseSize(L2Block block) {
        return encodedSize(block) + (block.forcedCursor() > 0 ? 0 : 8);
    }

    private static L2Block forcedOnly(L2Block b) throws MalformedMessageException {
        if (b.forcedCursor() == 0) {
            throw new MalformedMessageException("block " + b.number() + " with forced cursor 0 in the forced encoding");
        }
        return b;
    }

    private static void writeBlock(WireWriter w, L2Block b, boolean withCursor) {
        if (b.producerSignature() == null) {
            throw new IllegalArgumentException("block " + b.number() + " is not signed");
        }
        w.u64(b.number()).raw(b.hash().value()).raw(b.parentHash().value()).u64(b.epoch())
                .raw(b.producer().value()).u64(b.timestampMillis()).u32(b.transactions().size());
        for (Bytes tx : b.transactions()) {
            w.bytes(tx);
        }
        w.raw(b.stateRoot().value()).raw(b.producerSignature().toBytes65());
        if (withCursor) {
            w.u64(b.forcedCursor());
        } else if (b.forcedCursor() != 0) {
            throw new IllegalArgumentException("block " + b.number() + " has a forced cursor: the plain encoding has none");
        }
    }

    private L2Block readBlock(WireReader r, boolean withCursor) throws MalformedMessageException {
        long number = r.u63("block number");
        Hash32 hash = new Hash32(r.fixed(32, "block hash"));
        Hash32 parent = new Hash32(r.fixed(32, "parent hash"));
        long epoch = r.u63("epoch");
        Address producer = new Address(r.fixed(20, "producer"));
        long timestamp = r.u63("timestamp");
        int txCount = r.count(limits.maxBlockTxs(), 4, "transactions");
        List<Bytes> txs = new ArrayList<>(txCount);
        for (int i = 0; i < txCount; i++) {
            txs.add(r.sized(limits.maxTxBytes(), "transaction"));
        }
        Hash32 stateRoot = new Hash32(r.fixed(32, "state root"));
        Bytes sig = r.fixed(65, "signature");
        int v = sig.get(64) & 0xff;
        if (v != 27 && v != 28) {
            throw new MalformedMessageException("signature v must be 27 or 28, got " + v);
        }
        long cursor = withCursor ? r.u63("forced cursor") : 0;
        return new L2Block(number, hash, parent, epoch, producer, timestamp, txs, stateRoot,
                EcdsaSignature.fromBytes65(sig), cursor);
    }

    private BlockRequest readRequest(WireReader r) throws MalformedMessageException {
        long from = r.u63("from");
        long to = r.u63("to");
        if (to < from) {
            throw new MalformedMessageException("block request " + from + ".." + to + " is empty");
        }
        if (to - from >= limits.maxBlocksPerMessage()) {
            throw new MalformedMessageException("block request " + from + ".." + to + " exceeds "
                    + limits.maxBlocksPerMessage() + " blocks");
        }
        return new BlockRequest(from, to);
    }

    private L2Message.ForwardTxs readForward(WireReader r) throws MalformedMessageException {
        int n = r.count(limits.maxBlockTxs(), 4, "forwarded transactions");
        List<Bytes> txs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            txs.add(r.sized(limits.maxTxBytes(), "transaction"));
        }
        return new L2Message.ForwardTxs(txs);
    }

    private BlockResponse readResponse(WireReader r, boolean forced) throws MalformedMessageException {
        int n = r.count(limits.maxBlocksPerMessage(), EMPTY_BLOCK_BYTES, "blocks");
        List<L2Block> blocks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            L2Block b = readBlock(r, forced);
            if (i > 0 && b.number() != blocks.get(i - 1).number() + 1) {
                throw new MalformedMessageException("block response is not contiguous: " + blocks.get(i - 1).number()
                        + " then " + b.number());
            }
            blocks.add(b);
        }
        if (forced && blocks.stream().noneMatch(b -> b.forcedCursor() > 0)) {
            throw new MalformedMessageException("forced block response without a block with a forced cursor");
        }
        return new BlockResponse(blocks);
    }
}
