package seqpool.pos.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.pos.PosTaskKind;
import seqpool.codec.crypto.Keccak;
import seqpool.pos.bin.BinReader;
import seqpool.pos.bin.BinWriter;
import seqpool.pos.tx.MalformedTxException;

/**
 * The one canonical encoding of {@link PosState}: every collection in its sorted order, so equal states encode to equal
 * bytes on every node; its Keccak-256 is the application hash. Schema 2 appends the forced-inclusion queue (length,
 * included count, pending messages); a state that has committed no forced message is written in schema 1, byte for
 * byte as before forced inclusion existed, so its app hash is unchanged and a state stored by an older version reads
 * as a state with an empty queue. Schema 3 is written once an L2 equivocation was punished: a flag (forced queue
 * section follows or not), the forced section as in schema 2 when flagged, then the punished equivocations' reasons.
 */
public final class StateCodec {
    static final int SCHEMA = 1;
    static final int SCHEMA_FORCED = 2;
    static final int SCHEMA_PUNISHED = 3;

    private StateCodec() {
    }

    public static Hash32 hash(PosState s) {
        return Keccak.keccak256(encode(s));
    }

    public static Bytes encode(PosState s) {
        boolean forced = s.forcedLength > 0;
        boolean punished = !s.punishedEquivocations.isEmpty();
        BinWriter w = new BinWriter().u8(punished ? SCHEMA_PUNISHED : forced ? SCHEMA_FORCED : SCHEMA).u64(s.height).hash(s.lastBlockId).u64(s.l1Block).u32(s.l1LogIndex)
                .u64(s.poolActionNonce).u64(s.lastRewardBatch);
        w.u32(s.members.size());
        for (Member m : s.members.values()) {
            w.u64(m.seqId).address(m.signer).bigInt(m.stake).u8(m.l1Status).bool(m.l1Jailed).bool(m.poolJailed)
                    .u32(m.faultEpochs.size());
            m.faultEpochs.forEach(w::u64);
        }
        w.bool(s.committee != null);
        if (s.committee != null) {
            addresses(w, s.committee.members());
            w.u32(s.committee.threshold()).u32(s.committee.generation()).bytes(s.committee.groupKey())
                    .bool(s.committee.onL1());
        }
        longs(w, s.powers);
        w.u64(s.epoch).u64(s.epochFirst).u64(s.epochLast).hash(s.epochSeed);
        addresses(w, s.epochSet);
        w.u32(s.segments.size());
        for (Segment g : s.segments) {
            w.u32(g.revision()).u64(g.first()).u64(g.last()).address(g.producer());
        }
        w.u64(s.l2Head).hash(s.l2HeadHash);
        longs(w, s.produced);
        longs(w, s.rotationVotes);
        w.u32(s.tasks.size());
        for (Task t : s.tasks.values()) {
            w.string(t.id).string(t.kind.name()).string(t.lane).u64(t.seq).u64(t.epoch).u32(t.attempt).u64(t.openedAt)
                    .u32(t.params.size());
            t.params.forEach((k, v) -> w.string(k).string(v));
            w.u32(t.reports.size());
            t.reports.forEach((a, r) -> w.address(a).bool(r.ok()).bytes(r.groupKey()).u32(r.generation()));
            addresses(w, new ArrayList<>(t.suspects));
        }
        w.u64(s.nextTaskSeq);
        if (punished) {
            w.u8(forced ? 1 : 0);
        }
        if (forced) {
            w.u64(s.forcedLength).u64(s.forcedIncluded).u32(s.forcedPending.size());
            s.forcedPending.forEach((i, f) -> w.u64(i).u64(f.dueL2Block()).hash(f.txHash()));
        }
        if (punished) {
            w.u32(s.punishedEquivocations.size());
            s.punishedEquivocations.forEach(w::hash);
        }
        return w.toBytes();
    }

    public static PosState decode(Bytes bytes) throws MalformedTxException {
        BinReader r = new BinReader(bytes);
        int schema = r.u8();
        if (schema != SCHEMA && schema != SCHEMA_FORCED && schema != SCHEMA_PUNISHED) {
            throw new MalformedTxException("unknown PoS state schema " + schema);
        }
        PosState s = new PosState();
        s.height = r.u64();
        s.lastBlockId = r.hash();
        s.l1Block = r.u64();
        s.l1LogIndex = (int) r.u32();
        s.poolActionNonce = r.u64();
        s.lastRewardBatch = r.u64();
        long n = r.u32Int(1_000_000);
        for (int i = 0; i < n; i++) {
            Member m = new Member(r.u64(), r.address(), r.bigInt(), r.u8());
            m.l1Jailed = r.bool();
            m.poolJailed = r.bool();
            int f = r.u32Int(1_000_000);
            for (int j = 0; j < f; j++) {
                m.faultEpochs.add(r.u64());
            }
            s.members.put(m.seqId, m);
        }
        if (r.bool()) {
            s.committee = new CommitteeState(addresses(r), r.u32Int(Integer.MAX_VALUE), r.u32Int(Integer.MAX_VALUE),
                    r.bytes(33), r.bool());
        }
        longs(r, s.powers);
        s.epoch = r.u64();
        s.epochFirst = r.u64();
        s.epochLast = r.u64();
        s.epochSeed = r.hash();
        s.epochSet.addAll(addresses(r));
        int segs = r.u32Int(1_000_000);
        for (int i = 0; i < segs; i++) {
            s.segments.add(new Segment(r.u32Int(Integer.MAX_VALUE), r.u64(), r.u64(), r.address()));
        }
        s.l2Head = r.u64();
        s.l2HeadHash = r.hash();
        longs(r, s.produced);
        longs(r, s.rotationVotes);
        int tasks = r.u32Int(1_000_000);
        for (int i = 0; i < tasks; i++) {
            String id = r.string(256);
            PosTaskKind kind = PosTaskKind.valueOf(r.string(64));
            Task t = new Task(id, kind, r.string(256), r.u64(), r.u64());
            t.attempt = r.u32Int(Integer.MAX_VALUE);
            t.openedAt = r.u64();
            int ps = r.u32Int(1000);
            for (int j = 0; j < ps; j++) {
                t.params.put(r.string(1 << 16), r.string(1 << 20));
            }
            int rs = r.u32Int(1000);
            for (int j = 0; j < rs; j++) {
                t.reports.put(r.address(), new Task.Report(r.bool(), r.bytes(33), r.u32Int(Integer.MAX_VALUE)));
            }
            t.suspects.addAll(addresses(r));
            s.tasks.put(id, t);
        }
        s.nextTaskSeq = r.u64();
        boolean forced = schema == SCHEMA_FORCED;
        if (schema == SCHEMA_PUNISHED) {
            int flag = r.u8();
            if (flag > 1) {
                throw new MalformedTxException("bad forced-section flag " + flag);
            }
            forced = flag == 1;
        }
        if (forced) {
            s.forcedLength = r.u64();
            s.forcedIncluded = r.u64();
            int pending = r.u32Int(10_000_000);
            long previous = -1;
            for (int i = 0; i < pending; i++) {
                long index = r.u64();
                if (index <= previous || index < s.forcedIncluded || index >= s.forcedLength) {
                    throw new MalformedTxException("forced message " + index + " out of order or range");
                }
                previous = index;
                s.forcedPending.put(index, new ForcedEntry(r.u64(), r.hash()));
            }
            if (s.forcedLength == 0 || s.forcedIncluded > s.forcedLength
                    || pending != s.forcedLength - s.forcedIncluded) {
                throw new MalformedTxException("inconsistent forced queue in PoS state schema " + schema);
            }
        }
        if (schema == SCHEMA_PUNISHED) {
            int punished = r.u32Int(10_000_000);
            Hash32 previous = null;
            for (int i = 0; i < punished; i++) {
                Hash32 h = r.hash();
                if (previous != null && h.compareTo(previous) <= 0) {
                    throw new MalformedTxException("punished equivocations out of order");
                }
                s.punishedEquivocations.add(h);
                previous = h;
            }
            if (punished == 0) {
                throw new MalformedTxException("PoS state schema 3 without a punished equivocation");
            }
        }
        r.end();
        return s;
    }

    private static void addresses(BinWriter w, List<Address> as) {
        w.u32(as.size());
        as.forEach(w::address);
    }

    private static List<Address> addresses(BinReader r) throws MalformedTxException {
        int n = r.u32Int(100_000);
        List<Address> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(r.address());
        }
        return out;
    }

    private static void longs(BinWriter w, Map<Address, Long> m) {
        w.u32(m.size());
        m.forEach((a, v) -> w.address(a).u64(v));
    }

    private static void longs(BinReader r, Map<Address, Long> m) throws MalformedTxException {
        int n = r.u32Int(100_000);
        for (int i = 0; i < n; i++) {
            m.put(r.address(), r.u64());
        }
    }
}
