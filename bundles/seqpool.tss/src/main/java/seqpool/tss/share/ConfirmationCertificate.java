package seqpool.tss.share;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import seqpool.codec.wire.MalformedMessageException;
import seqpool.codec.wire.WireReader;
import seqpool.codec.wire.WireWriter;

/**
 * The confirmations that completed a generation: the session id of the DKG or reshare that created it and, for every
 * member (identifier 1..n, in order), its Schnorr signature (R ‖ μ, 65 bytes) under its new share X_i over that
 * session's confirmation context and the generation's {@link PublicKeyPackage#digest()}. Public; immutable.
 *
 * <p>Why it matters: a session completes only when every member confirmed the same package, so the certificate has
 * all n signatures. Anyone who knows only the group key X can check that a claimed package is the real one: it must
 * be a sharing of X of the generation's threshold, and every X_i must have signed it. A coalition of fewer than a
 * threshold cannot forge that for another package: such a package's X_i outside the coalition have discrete logs
 * nobody knows (they depend on x). Reshare dealers send it to joiners, who hold no old public shares.
 */
public final class ConfirmationCertificate {
    public static final int SIGNATURE_BYTES = 65;
    private final byte[] sessionId;
    private final List<byte[]> signatures;

    /** @param signatures by identifier: element i − 1 is member i's signature */
    public ConfirmationCertificate(byte[] sessionId, List<byte[]> signatures) {
        if (sessionId == null || sessionId.length != 32 || signatures == null || signatures.isEmpty()) {
            throw new IllegalArgumentException("a certificate has a 32-byte session id and at least one signature");
        }
        List<byte[]> copy = new ArrayList<>();
        for (byte[] s : signatures) {
            if (s == null || s.length != SIGNATURE_BYTES) {
                throw new IllegalArgumentException("a confirmation signature is " + SIGNATURE_BYTES + " bytes");
            }
            copy.add(s.clone());
        }
        this.sessionId = sessionId.clone();
        this.signatures = List.copyOf(copy);
    }

    public byte[] sessionId() {
        return sessionId.clone();
    }

    /** The number of members that signed (= the generation's committee size). */
    public int size() {
        return signatures.size();
    }

    /** Member {@code identifier}'s signature. */
    public byte[] signature(int identifier) {
        if (identifier < 1 || identifier > signatures.size()) {
            throw new IllegalArgumentException("no signature for identifier " + identifier);
        }
        return signatures.get(identifier - 1).clone();
    }

    public void encode(WireWriter w) {
        w.raw(sessionId).u16(signatures.size());
        signatures.forEach(w::raw);
    }

    public static ConfirmationCertificate decode(WireReader r, int maxMembers) throws MalformedMessageException {
        byte[] sid = r.raw(32);
        int n = r.u16();
        if (n < 1 || n > maxMembers) {
            throw new MalformedMessageException("certificate size out of range");
        }
        List<byte[]> sigs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sigs.add(r.raw(SIGNATURE_BYTES));
        }
        return new ConfirmationCertificate(sid, sigs);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ConfirmationCertificate c) || !Arrays.equals(sessionId, c.sessionId)
                || signatures.size() != c.signatures.size()) {
            return false;
        }
        for (int i = 0; i < signatures.size(); i++) {
            if (!Arrays.equals(signatures.get(i), c.signatures.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = Arrays.hashCode(sessionId);
        for (byte[] s : signatures) {
            h = 31 * h + Arrays.hashCode(s);
        }
        return h;
    }

    @Override
    public String toString() {
        return "ConfirmationCertificate[" + signatures.size() + " signatures]";
    }
}
