package seqpool.tss.vss;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.bouncycastle.math.ec.ECPoint;

import seqpool.api.common.Address;
import seqpool.api.tss.Committee;
import seqpool.api.tss.KeyId;
import seqpool.codec.crypto.Secp256k1Group;
import seqpool.codec.wire.WireWriter;
import seqpool.tss.math.HashToField;
import seqpool.tss.math.Lagrange;

/**
 * What every party of a VSS session agrees on before it starts (from the consensus task): the kind, key, epoch, the
 * dealers, the receiving committee and threshold, and for a reshare the old committee, its generation and the
 * expected group key. The old public shares are not part of it: joiners do not have them, so every reshare deal
 * carries them with their certificate ({@link VssMessage.OldGeneration}) and every party checks the deals against
 * what the deals carry, alike. {@link #taskId()} routes messages; the session id adds every receiver's nonce.
 * Immutable.
 */
public record VssConfig(Kind kind, KeyId keyId, long epoch, List<Address> dealers, Committee receivers,
        Committee oldCommittee, int fromGeneration, ECPoint expectedGroupKey) {

    public enum Kind {
        DKG, RESHARE;

        /** The code in the task id (explicit: reordering the enum must not change any session's id). */
        int code() {
            return this == DKG ? 0 : 1;
        }
    }

    public VssConfig {
        List<Address> d = new ArrayList<>(new TreeSet<>(dealers));
        if (d.size() != dealers.size() || d.isEmpty()) {
            throw new IllegalArgumentException("dealers must be distinct and non-empty");
        }
        dealers = List.copyOf(d);
        if (kind == Kind.DKG) {
            if (!dealers.equals(receivers.members()) || oldCommittee != null || fromGeneration != 0) {
                throw new IllegalArgumentException("a DKG's dealers are its receivers; no old committee");
            }
        } else {
            if (oldCommittee == null || fromGeneration < 1 || expectedGroupKey == null) {
                throw new IllegalArgumentException("a reshare needs the old committee, its generation and the group key");
            }
            if (!oldCommittee.members().containsAll(dealers) || dealers.size() < oldCommittee.threshold()) {
                throw new IllegalArgumentException("reshare dealers must be at least threshold old members");
            }
        }
    }

    public static VssConfig dkg(KeyId keyId, long epoch, Committee committee) {
        return new VssConfig(Kind.DKG, keyId, epoch, committee.members(), committee, null, 0, null);
    }

    /**
     * A reshare from {@code oldCommittee}'s generation {@code fromGeneration} to {@code newCommittee}, dealt by
     * {@code dealers} (at least the old threshold of old members); it completes with any qualified set of at least the
     * old threshold of them.
     */
    public static VssConfig reshare(KeyId keyId, long epoch, Committee oldCommittee, List<Address> dealers,
            int fromGeneration, Committee newCommittee, ECPoint groupKey) {
        return new VssConfig(Kind.RESHARE, keyId, epoch, dealers, newCommittee, oldCommittee, fromGeneration,
                groupKey.normalize());
    }

    public int toGeneration() {
        return fromGeneration + 1;
    }

    /** Every party: dealers ∪ receivers, ascending. */
    public List<Address> parties() {
        TreeSet<Address> all = new TreeSet<>(dealers);
        all.addAll(receivers.members());
        return List.copyOf(all);
    }

    /** The Shamir identifier a dealer's share had: in the DKG its new identifier, in a reshare its old one. */
    public int dealerIdentifier(Address dealer) {
        return kind == Kind.DKG ? receivers.identifierOf(dealer) : oldCommittee.identifierOf(dealer);
    }

    /** λ_i of a reshare dealer over the dealer set (1 for a DKG). */
    public BigInteger dealerLambda(Address dealer) {
        if (kind == Kind.DKG) {
            return BigInteger.ONE;
        }
        return Lagrange.coefficientAtZero(dealerIdentifier(dealer), dealers.stream().map(this::dealerIdentifier).toList());
    }

    /** The number of qualified dealers a reshare needs: the old threshold (a DKG: 1). */
    public int dealersNeeded() {
        return kind == Kind.DKG ? 1 : oldCommittee.threshold();
    }

    /**
     * SHA-256 of the canonical encoding of the whole configuration. Version 2 of the protocol (receivers-only HELLO,
     * deals that carry their dealing key and the old generation, completion with a qualified subset of dealers) hashes
     * another label than version 1, so nodes of both versions never join one session.
     */
    public byte[] taskId() {
        WireWriter w = new WireWriter().string("seqpool-tss-vss-v2").u8(kind.code()).string(keyId.value()).u64(epoch);
        w.u16(dealers.size());
        dealers.forEach(a -> w.raw(a.value().toArray()));
        w.u16(receivers.size()).u16(receivers.threshold());
        receivers.members().forEach(a -> w.raw(a.value().toArray()));
        w.u32(fromGeneration);
        if (oldCommittee != null) {
            w.u16(oldCommittee.size()).u16(oldCommittee.threshold());
            oldCommittee.members().forEach(a -> w.raw(a.value().toArray()));
            Secp256k1Group.writePoint(w, expectedGroupKey);
        }
        return HashToField.sha256(w.toByteArray());
    }
}
