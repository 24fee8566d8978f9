package seqpool.tss.host;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import seqpool.api.common.Address;
import seqpool.api.store.StoreException;
import seqpool.api.tss.Committee;
import seqpool.api.tss.KeyId;
import seqpool.api.tss.TssException;
import seqpool.codec.crypto.InvalidEncodingException;
import seqpool.codec.crypto.Secp256k1Group;
import seqpool.codec.wire.MalformedMessageException;
import seqpool.codec.wire.WireReader;
import seqpool.codec.wire.WireWriter;
import seqpool.tss.frost.FrostAggregator;
import seqpool.tss.frost.FrostException;
import seqpool.tss.frost.FrostSignature;
import seqpool.tss.frost.FrostSigner;
import seqpool.tss.frost.InvalidSigningPackageException;
import seqpool.tss.frost.SignatureShare;
import seqpool.tss.frost.SigningCommitment;
import seqpool.tss.frost.SigningNonces;
import seqpool.tss.frost.SigningPackage;
import seqpool.tss.keystore.ShareVault;
import seqpool.tss.math.HashToField;
import seqpool.tss.share.KeyShare;

/**
 * One signer's FROST run over the network (RFC 9591 with every signer also aggregating): round one broadcasts the
 * commitment of a pre-generated, stored nonce; when every signer's commitment is in, the nonce is taken from the vault
 * (deleted durably) and only then the signature share is computed and broadcast; when every share is in, the shares
 * are aggregated, each verified, culprits named. Driven from the host's event thread only.
 */
final class SignSession {
    private final KeyId keyId;
    private final Committee committee;
    private final List<Address> signers;
    private final KeyShare share;
    private final ShareVault vault;
    private final byte[] message;
    private final long nonceId;
    private final Address self;
    private final Map<Address, SigningCommitment> commitments = new HashMap<>();
    private final Map<Address, SignatureShare> shares = new HashMap<>();
    private boolean shareSent;
    private boolean done;

    /** What the host must do next. */
    record Step(byte[] broadcast, FrostSignature signature, TssException failure) {
    }

    SignSession(KeyId keyId, Committee committee, List<Address> signers, KeyShare share, ShareVault vault,
            byte[] message, Address self, ShareVault.StoredNonce nonce) {
        this.keyId = keyId;
        this.committee = committee;
        this.signers = List.copyOf(signers);
        this.share = share;
        this.vault = vault;
        this.message = message.clone();
        this.nonceId = nonce.id();
        this.self = self;
        commitments.put(self, nonce.commitment());
    }

    static byte[] taskId(KeyId keyId, int generation, List<Address> signers, byte[] message) {
        WireWriter w = new WireWriter().string("seqpool-tss-sign-v1").string(keyId.value()).u32(generation).u16(signers.size());
        signers.forEach(a -> w.raw(a.value().toArray()));
        return HashToField.sha256(w.bytes(message).toByteArray());
    }

    byte[] start() {
        return new WireWriter().u8(1).raw(commitments.get(self).encode()).toByteArray();
    }

    boolean isDone() {
        return done;
    }

    List<Address> signers() {
        return signers;
    }

    /** Handles a message; returns what to broadcast and/or the result. */
    Step onMessage(Address from, byte[] body) {
        if (done || from.equals(self) || !signers.contains(from)) {
            return new Step(null, null, null);
        }
        try {
            WireReader r = new WireReader(body);
            int type = r.u8();
            if (type == 1) {
                SigningCommitment c = SigningCommitment.decode(r.raw(SigningCommitment.ENCODED_BYTES));
                r.end();
                if (c.identifier() != committee.identifierOf(from)) {
                    return fail(TssException.Kind.MISBEHAVIOUR, "commitment under another identifier", Set.of(from));
                }
                SigningCommitment prev = commitments.putIfAbsent(from, c);
                if (prev != null && !prev.equals(c)) {
                    return fail(TssException.Kind.MISBEHAVIOUR, "two different commitments", Set.of(from));
                }
            } else if (type == 2) {
                SignatureShare s = new SignatureShare(committee.identifierOf(from), Secp256k1Group.readScalar(r));
                r.end();
                shares.putIfAbsent(from, s);
            } else {
                throw new MalformedMessageException("unknown sign message");
            }
        } catch (MalformedMessageException | InvalidEncodingException | IllegalArgumentException e) {
            return fail(TssException.Kind.MISBEHAVIOUR, "malformed signing message: " + e.getMessage(), Set.of(from));
        }
        return advance();
    }

    /** Re-evaluates after start or buffered messages (e.g. a single signer). */
    Step kick() {
        return done ? new Step(null, null, null) : advance();
    }

    private Step advance() {
        byte[] out = null;
        if (!shareSent && commitments.keySet().containsAll(signers)) {
            SigningPackage pkg = new SigningPackage(List.copyOf(commitments.values()), message);
            SigningNonces nonces;
            try {
                nonces = vault.takeNonce(keyId, share.generation(), nonceId).orElse(null);
            } catch (StoreException e) {
                return fail(TssException.Kind.LOCAL, "cannot consume nonce: " + e.getMessage(), Set.of());
            }
            if (nonces == null) {
                return fail(TssException.Kind.LOCAL, "nonce " + nonceId + " was already used", Set.of());
            }
            SignatureShare mine;
            try {
                mine = FrostSigner.sign(pkg, nonces, share);
            } catch (InvalidSigningPackageException e) {
                // This node assembled the package from each signer's own commitment: the identifiers at fault are
                // the senders of those commitments.
                return fail(TssException.Kind.MISBEHAVIOUR, e.getMessage(), addresses(e.culprits()));
            }
            shares.put(self, mine);
            shareSent = true;
            out = Secp256k1Group.writeScalar(new WireWriter().u8(2), mine.z()).toByteArray();
        }
        if (shareSent && shares.keySet().containsAll(signers)) {
            SigningPackage pkg = new SigningPackage(List.copyOf(commitments.values()), message);
            Map<Integer, SignatureShare> byId = new LinkedHashMap<>();
            shares.values().forEach(s -> byId.put(s.identifier(), s));
            done = true;
            try {
                return new Step(out, FrostAggregator.aggregate(pkg, byId, share.publicKeys()), null);
            } catch (FrostException e) {
                return new Step(out, null, new TssException(TssException.Kind.MISBEHAVIOUR,
                        e.getMessage(), addresses(e.culprits())));
            }
        }
        return new Step(out, null, null);
    }

    private Set<Address> addresses(Set<Integer> identifiers) {
        Set<Address> out = new TreeSet<>();
        for (int id : identifiers) {
            if (id >= 1 && id <= committee.size()) {
                out.add(committee.memberOf(id));
            }
        }
        return out;
    }

    Step onTimeout() {
        TreeSet<Address> silent = new TreeSet<>(signers);
        silent.removeAll(shareSent ? shares.keySet() : commitments.keySet());
        return fail(TssException.Kind.TIMEOUT, "signing timed out", silent);
    }

    private Step fail(TssException.Kind kind, String reason, Set<Address> culprits) {
        done = true;
        return new Step(null, null, new TssException(kind, reason, culprits));
    }
}
