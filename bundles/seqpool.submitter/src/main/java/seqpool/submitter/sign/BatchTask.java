package seqpool.submitter.sign;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.pos.PosTask;
import seqpool.api.pos.PosTaskKind;
import seqpool.api.submitter.BatchHeader;
import seqpool.api.submitter.DataCommitment;

/**
 * A {@link PosTaskKind#SIGN_BATCH} task read from its canonical parameters (docs/pos.md): the proposed header, the
 * compression id it was built with, the proposer, the digest to sign, the signers and the posters in rank order.
 */
public record BatchTask(PosTask task, BatchHeader header, int compression, Address proposer, Bytes digest,
        List<Address> signers, List<Address> posters) {

    /** @throws IllegalArgumentException when the task is not a batch task or its parameters are malformed */
    public static BatchTask of(PosTask t) {
        if (t.kind() != PosTaskKind.SIGN_BATCH) {
            throw new IllegalArgumentException("not a batch task: " + t.kind());
        }
        Map<String, String> p = t.params();
        List<Hash32> hashes = new ArrayList<>();
        for (String h : p.get("dataHashes").split(",")) {
            hashes.add(Hash32.fromHex(h));
        }
        DataCommitment.Kind kind = DataCommitment.Kind.ofInboxCode(Integer.parseInt(p.get("dataKind")));
        BatchHeader h = new BatchHeader(Long.parseLong(p.get("index")), Long.parseLong(p.get("first")),
                Long.parseLong(p.get("last")), Hash32.fromHex(p.get("blockHashes")),
                Hash32.fromHex(p.get("postStateRoot")), new DataCommitment(kind, hashes));
        return new BatchTask(t, h, Integer.parseInt(p.get("compression")), Address.fromHex(p.get("proposer")),
                Bytes.fromHex(p.get("digest")), addresses(p.get("signers")), addresses(p.get("posters")));
    }

    private static List<Address> addresses(String csv) {
        List<Address> out = new ArrayList<>();
        if (csv != null && !csv.isEmpty()) {
            for (String a : csv.split(",")) {
                out.add(Address.fromHex(a));
            }
        }
        return out;
    }

    public long index() {
        return header.batchIndex();
    }

    /** This node's posting rank (0 = the designated submitter), or -1 when it is not a poster. */
    public int rank(Address self) {
        return posters.indexOf(self);
    }
}
