package seqpool.tss.vss;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bouncycastle.math.ec.ECPoint;

import seqpool.codec.crypto.InvalidEncodingException;
import seqpool.codec.crypto.Secp256k1Group;
import seqpool.codec.wire.MalformedMessageException;
import seqpool.codec.wire.WireReader;
import seqpool.codec.wire.WireWriter;
import seqpool.tss.share.ConfirmationCertificate;
import seqpool.tss.share.PublicKeyPackage;

/**
 * The messages of a VSS session, each broadcast to every party of the session. One canonical encoding per message:
 * a type byte, then the fields. Decoding is strict (lengths, points on the curve, canonical scalars, no trailing bytes).
 */
public sealed interface VssMessage {
    int MAX_PARTIES = 255;

    /** Round 0: a fresh nonce and the party's ephemeral encryption key; all nonces feed the session id. */
    record Hello(byte[] nonce, ECPoint encryptionKey) implements VssMessage {
        public Hello {
            if (nonce.length != 32 || encryptionKey.isInfinity()) {
                throw new IllegalArgumentException("nonce is 32 bytes, key non-identity");
            }
        }
    }

    /** Round 1: a dealer's hash commitment to its {@link Deal}, bound to the session id. */
    record Commit(byte[] hash) implements VssMessage {
        public Commit {
            if (hash.length != 32) {
                throw new IllegalArgumentException("commit hash is 32 bytes");
            }
        }
    }

    /**
     * Round 2: a dealer's Feldman commitment C_0..C_{t-1}, its proof of knowledge of the constant term (DKG only,
     * else null), the public half E_d of the ephemeral key it encrypted the shares with, the old generation's public
     * keys and certificate (reshare only, else null) and one encrypted share per receiver, in receiver identifier
     * order. Carrying E_d and the old generation inside the deal puts them under the echo check: every receiver
     * judges the same bytes.
     */
    record Deal(List<ECPoint> commitments, SchnorrProof proof, ECPoint dealerKey, OldGeneration old,
            List<byte[]> ciphertexts) implements VssMessage {
        public Deal {
            commitments = List.copyOf(commitments);
            ciphertexts = List.copyOf(ciphertexts);
            if (dealerKey == null || dealerKey.isInfinity()) {
                throw new IllegalArgumentException("the dealer's key must be a non-identity point");
            }
            dealerKey = dealerKey.normalize();
        }
    }

    /**
     * What a reshare dealer carries for parties that do not hold the old generation (joiners): its public key package
     * and, if the dealer has it, the certificate of confirmations that completed it.
     */
    record OldGeneration(PublicKeyPackage keys, ConfirmationCertificate certificate) {
        public OldGeneration {
            if (keys == null) {
                throw new IllegalArgumentException("the old public keys are required");
            }
        }
    }

    /** An accuser's complaint: dealer position, the revealed ECDH point and the DLEQ proof that it is genuine. */
    record Complaint(int dealer, ECPoint sharedKey, DleqProof proof) {
    }

    /** Round 3: the receiver's echo (hash of every dealer's Deal as received) and its complaints. */
    record Verdict(List<byte[]> echo, List<Complaint> complaints) implements VssMessage {
        public Verdict {
            echo = List.copyOf(echo);
            complaints = List.copyOf(complaints);
        }
    }

    /** Round 4: the receiver's confirmation: digest of group key + all public shares, signed with its new share. */
    record Confirm(byte[] publicKeysDigest, SchnorrProof signature) implements VssMessage {
        public Confirm {
            if (publicKeysDigest.length != 32) {
                throw new IllegalArgumentException("digest is 32 bytes");
            }
        }
    }

    default byte[] encode() {
        WireWriter w = new WireWriter();
        if (this instanceof Hello h) {
            Secp256k1Group.writePoint(w.u8(1).raw(h.nonce()), h.encryptionKey());
        } else if (this instanceof Commit c) {
            w.u8(2).raw(c.hash());
        } else if (this instanceof Deal d) {
            w.u8(3).u16(d.commitments().size());
            d.commitments().forEach(p -> Secp256k1Group.writePoint(w, p));
            w.u8(d.proof() == null ? 0 : 1);
            if (d.proof() != null) {
                w.raw(d.proof().encode());
            }
            Secp256k1Group.writePoint(w, d.dealerKey());
            w.u8(d.old() == null ? 0 : 1);
            if (d.old() != null) {
                encodeOld(w, d.old());
            }
            w.u16(d.ciphertexts().size());
            d.ciphertexts().forEach(w::bytes);
        } else if (this instanceof Verdict v) {
            w.u8(4).u16(v.echo().size());
            v.echo().forEach(w::raw);
            w.u16(v.complaints().size());
            for (Complaint c : v.complaints()) {
                Secp256k1Group.writePoint(w.u16(c.dealer()), c.sharedKey());
                Secp256k1Group.writeScalar(w, c.proof().c());
                Secp256k1Group.writeScalar(w, c.proof().s());
            }
        } else if (this instanceof Confirm c) {
            w.u8(5).raw(c.publicKeysDigest()).raw(c.signature().encode());
        }
        return w.toByteArray();
    }

    static VssMessage decode(byte[] bytes) throws MalformedMessageException {
        WireReader r = new WireReader(bytes);
        VssMessage m;
        try {
            switch (r.u8()) {
                case 1 -> m = new Hello(r.raw(32), Secp256k1Group.readPoint(r));
                case 2 -> m = new Commit(r.raw(32));
                case 3 -> {
                    int t = r.u16();
                    if (t < 1 || t > MAX_PARTIES) {
                        throw new MalformedMessageException("commitment length out of range");
                    }
                    List<ECPoint> cs = new ArrayList<>();
                    for (int i = 0; i < t; i++) {
                        cs.add(Secp256k1Group.readPoint(r));
                    }
                    SchnorrProof p = r.u8() == 1 ? SchnorrProof.decode(r.raw(65)) : null;
                    ECPoint dealerKey = Secp256k1Group.readPoint(r);
                    OldGeneration old = r.u8() == 1 ? decodeOld(r) : null;
                    int n = r.u16();
                    if (n > MAX_PARTIES) {
                        throw new MalformedMessageException("too many ciphertexts");
                    }
                    List<byte[]> ct = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        ct.add(r.bytes(64));
                    }
                    m = new Deal(cs, p, dealerKey, old, ct);
                }
                case 4 -> {
                    int n = r.u16();
                    if (n > MAX_PARTIES) {
                        throw new MalformedMessageException("echo too long");
                    }
                    List<byte[]> echo = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        echo.add(r.raw(32));
                    }
                    int k = r.u16();
                    if (k > MAX_PARTIES) {
                        throw new MalformedMessageException("too many complaints");
                    }
                    List<Complaint> cs = new ArrayList<>();
                    for (int i = 0; i < k; i++) {
                        cs.add(new Complaint(r.u16(), Secp256k1Group.readPoint(r), new DleqProof(Secp256k1Group.readScalar(r), Secp256k1Group.readScalar(r))));
                    }
                    m = new Verdict(echo, cs);
                }
                case 5 -> m = new Confirm(r.raw(32), SchnorrProof.decode(r.raw(65)));
                default -> throw new MalformedMessageException("unknown VSS message type");
            }
        } catch (InvalidEncodingException | IllegalArgumentException e) {
            throw new MalformedMessageException(e.getMessage());
        }
        r.end();
        return m;
    }

    private static void encodeOld(WireWriter w, OldGeneration old) {
        PublicKeyPackage k = old.keys();
        Secp256k1Group.writePoint(w.u16(k.threshold()), k.groupKey()).u16(k.publicShares().size());
        k.publicShares().forEach((id, x) -> Secp256k1Group.writePoint(w.u16(id), x));
        w.u8(old.certificate() == null ? 0 : 1);
        if (old.certificate() != null) {
            old.certificate().encode(w);
        }
    }

    private static OldGeneration decodeOld(WireReader r) throws MalformedMessageException {
        int t = r.u16();
        ECPoint groupKey = Secp256k1Group.readPoint(r);
        int n = r.u16();
        if (n < 1 || n > MAX_PARTIES) {
            throw new MalformedMessageException("old committee size out of range");
        }
        Map<Integer, ECPoint> publics = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            if (publics.put(r.u16(), Secp256k1Group.readPoint(r)) != null) {
                throw new MalformedMessageException("duplicate identifier in the old public shares");
            }
        }
        ConfirmationCertificate cert = r.u8() == 1 ? ConfirmationCertificate.decode(r, MAX_PARTIES) : null;
        return new OldGeneration(new PublicKeyPackage(groupKey, publics, t), cert);
    }
}
