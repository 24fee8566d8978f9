package seqpool.pos.tx;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import seqpool.api.bridge.L1Event;
import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.codec.crypto.Keccak;
import seqpool.pos.bin.BinReader;
import seqpool.pos.bin.BinWriter;

/**
 * The one canonical encoding of PoS transactions: {@code version(1) ‖ type(1) ‖ fields}. Decoding is strict (exact
 * length, bounded sizes, valid records), so one transaction has exactly one encoding and consensus can compare bytes.
 * Signed bodies are signed over {@link #signingDigest}: keccak256 of a tag, the pool's L1 chain id and LockingPool
 * address, and the body's encoding, so a signature is valid for one pool only.
 *
 * <p>An L2 header whose chain has consumed forced-inclusion messages carries its {@code forcedCursor}: as transaction
 * type 4 ({@code L2ProgressTx}) or head flag 2 (in a {@code RotateVote}), each followed by the header and the cursor
 * (never 0). A header with cursor 0 keeps type 2 and flag 1, byte for byte as before forced inclusion, so each
 * transaction still has exactly one encoding. L2 equivocation evidence (type 5) is two headers, each preceded by a
 * cursor flag (0 none, 1 present). Stateless.
 */
public final class PosTxCodec {
    static final int VERSION = 1;
    static final int L1_EVENT = 1;
    static final int L2_PROGRESS = 2;
    static final int SIGNED = 3;
    static final int L2_PROGRESS_FORCED = 4;
    static final int L2_EQUIVOCATION = 5;
    static final int ROTATE_VOTE = 1;
    static final int TASK_REPORT = 2;
    public static final int MAX_EVENT_DATA = 16 * 1024;
    private static final Bytes SIGNING_TAG = Bytes.utf8("seqpool.PosTx.v1");

    private PosTxCodec() {
    }

    public static Bytes encode(PosTx tx) {
        BinWriter w = new BinWriter().u8(VERSION);
        if (tx instanceof PosTx.L1EventTx e) {
            w.u8(L1_EVENT);
            event(w, e.event());
        } else if (tx instanceof PosTx.L2ProgressTx p) {
            w.u8(p.header().forcedCursor() == 0 ? L2_PROGRESS : L2_PROGRESS_FORCED);
            header(w, p.header());
        } else if (tx instanceof PosTx.L2EquivocationTx q) {
            w.u8(L2_EQUIVOCATION);
            for (L2Header h : List.of(q.first(), q.second())) {
                w.u8(h.forcedCursor() == 0 ? 0 : 1);
                header(w, h);
            }
        } else if (tx instanceof PosTx.Signed s) {
            w.u8(SIGNED).bytes(encodeBody(s.body())).address(s.signer()).signature(s.signature());
        }
        return w.toBytes();
    }

    public static PosTx decode(Bytes bytes) throws MalformedTxException {
        BinReader r = new BinReader(bytes);
        if (r.u8() != VERSION) {
            throw new MalformedTxException("unknown PoS transaction version");
        }
        PosTx tx;
        int type = r.u8();
        try {
            tx = switch (type) {
                case L1_EVENT -> new PosTx.L1EventTx(event(r));
                case L2_PROGRESS -> new PosTx.L2ProgressTx(header(r, false));
                case L2_PROGRESS_FORCED -> new PosTx.L2ProgressTx(header(r, true));
                case L2_EQUIVOCATION -> new PosTx.L2EquivocationTx(flaggedHeader(r), flaggedHeader(r));
                case SIGNED -> new PosTx.Signed(decodeBody(r.bytes(4096)), r.address(), r.signature());
                default -> throw new MalformedTxException("unknown PoS transaction type " + type);
            };
        } catch (IllegalArgumentException e) {
            throw new MalformedTxException(e.getMessage());
        }
        r.end();
        return tx;
    }

    public static Bytes encodeBody(SignedBody body) {
        BinWriter w = new BinWriter();
        if (body instanceof SignedBody.RotateVote v) {
            w.u8(ROTATE_VOTE).u64(v.epoch()).u32(v.revision()).address(v.stalled())
                    .u8(v.head().isEmpty() ? 0 : v.head().get().forcedCursor() == 0 ? 1 : 2);
            v.head().ifPresent(h -> header(w, h));
        } else if (body instanceof SignedBody.TaskReport t) {
            w.u8(TASK_REPORT).string(t.taskId()).u32(t.attempt()).u8(t.ok() ? 1 : 0).bytes(t.groupKey())
                    .u32(t.generation()).u32(t.culprits().size());
            t.culprits().forEach(w::address);
        }
        return w.toBytes();
    }

    static SignedBody decodeBody(Bytes bytes) throws MalformedTxException {
        BinReader r = new BinReader(bytes);
        int type = r.u8();
        SignedBody body = switch (type) {
            case ROTATE_VOTE -> {
                long epoch = r.u64();
                int revision = r.u32Int(Integer.MAX_VALUE);
                Address stalled = r.address();
                int has = r.u8();
                if (has > 2) {
                    throw new MalformedTxException("bad head flag");
                }
                yield new SignedBody.RotateVote(epoch, revision, stalled,
                        has == 0 ? Optional.empty() : Optional.of(header(r, has == 2)));
            }
            case TASK_REPORT -> {
                String id = r.string(128);
                int attempt = r.u32Int(Integer.MAX_VALUE);
                int ok = r.u8();
                if (ok > 1) {
                    throw new MalformedTxException("bad ok flag");
                }
                Bytes key = r.bytes(33);
                int generation = r.u32Int(Integer.MAX_VALUE);
                int n = r.u32Int(255);
                List<Address> culprits = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    culprits.add(r.address());
                }
                yield new SignedBody.TaskReport(id, attempt, ok == 1, key, generation, culprits);
            }
            default -> throw new MalformedTxException("unknown signed body type " + type);
        };
        r.end();
        return body;
    }

    /** The digest a member signs for {@code body} in the pool of (l1ChainId, lockingPool). */
    public static Hash32 signingDigest(long l1ChainId, Address lockingPool, SignedBody body) {
        Bytes chain = new BinWriter().u64(l1ChainId).address(lockingPool).toBytes();
        return Keccak.keccak256(SIGNING_TAG.concat(chain).concat(encodeBody(body)));
    }

    private static void event(BinWriter w, L1Event e) {
        w.u64(e.l1Block()).hash(e.l1BlockHash()).hash(e.txHash()).u32(e.logIndex()).address(e.contract())
                .string(e.kind()).u8(e.topics().size());
        e.topics().forEach(w::hash);
        w.bytes(e.data());
    }

    private static L1Event event(BinReader r) throws MalformedTxException {
        long block = r.u64();
        Hash32 blockHash = r.hash();
        Hash32 txHash = r.hash();
        int logIndex = r.u32Int(Integer.MAX_VALUE);
        Address contract = r.address();
        String kind = r.string(64);
        int n = r.u8();
        if (n < 1 || n > 4) {
            throw new MalformedTxException("an event has 1..4 topics, got " + n);
        }
        List<Hash32> topics = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            topics.add(r.hash());
        }
        return new L1Event(block, blockHash, txHash, logIndex, contract, kind, topics, r.bytes(MAX_EVENT_DATA));
    }

    private static void header(BinWriter w, L2Header h) {
        w.u64(h.number()).hash(h.parentHash()).u64(h.epoch()).address(h.producer()).u64(h.timestampMillis())
                .hash(h.txRoot()).hash(h.stateRoot()).signature(h.signature());
        if (h.forcedCursor() != 0) {
            w.u64(h.forcedCursor());
        }
    }

    private static L2Header flaggedHeader(BinReader r) throws MalformedTxException {
        int flag = r.u8();
        if (flag > 1) {
            throw new MalformedTxException("bad cursor flag " + flag);
        }
        return header(r, flag == 1);
    }

    private static L2Header header(BinReader r, boolean withCursor) throws MalformedTxException {
        L2Header h = new L2Header(r.u64(), r.hash(), r.u64(), r.address(), r.u64(), r.hash(), r.hash(), r.signature());
        if (!withCursor) {
            return h;
        }
        long cursor = r.u64();
        if (cursor <= 0) {
            throw new MalformedTxException("a header with a forced cursor must carry a positive one, got " + cursor);
        }
        return new L2Header(h.number(), h.parentHash(), h.epoch(), h.producer(), h.timestampMillis(), h.txRoot(),
                h.stateRoot(), h.signature(), cursor);
    }
}
