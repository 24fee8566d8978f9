package seqpool.tss.vss;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.bouncycastle.math.ec.ECPoint;

import seqpool.api.common.Address;
import seqpool.api.tss.Committee;
import seqpool.api.tss.KeyId;
import seqpool.tss.math.HashToField;
import seqpool.tss.math.Lagrange;
import seqpool.tss.share.PublicKeyPackage;
import seqpool.tss.wire.WireWriter;

/**
 * What every party of a VSS session agrees on before it starts (from the consensus task): the kind, key, epoch, the
 * dealers, the receiving committee and threshold, and for a reshare the old committee, its generation, the expected
 * group key and (if this node knows them) the old public shares. {@link #taskId()} routes messages; the session id
 * adds every party's nonce. Immutable.
 */
public record VssConfig(Kind kind, KeyId keyId, long epoch, List<Address> dealers, Committee receivers,
        Committee oldCommittee, int fromGeneration, ECPoint expectedGroupKey, PublicKeyPackage oldPublicKeys) {

    public enum Kind { DKG, RESHARE }

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
        return new VssConfig(Kind.DKG, keyId, epoch, committee.members(), committee, null, 0, null, null);
    }

    public static VssConfig reshare(KeyId keyId, long epoch, Committee oldCommittee, List<Address> dealers,
            int fromGeneration, Committee newCommittee, ECPoint groupKey, PublicKeyPackage oldPublicKeys) {
        return new VssConfig(Kind.RESHARE, keyId, epoch, dealers, newCommittee, oldCommittee, fromGeneration,
                groupKey, oldPublicKeys);
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

    /** SHA-256 of the canonical encoding of everything but the old public shares (each node may or may not have them). */
    public byte[] taskId() {
        WireWriter w = new WireWriter().string("seqpool-tss-vss-v1").u8(kind.ordinal()).string(keyId.value()).u64(epoch);
        w.u16(dealers.size());
        dealers.forEach(a -> w.raw(a.value().toArray()));
        w.u16(receivers.size()).u16(receivers.threshold());
        receivers.members().forEach(a -> w.raw(a.value().toArray()));
        w.u32(fromGeneration);
        if (oldCommittee != null) {
            w.u16(oldCommittee.size()).u16(oldCommittee.threshold());
            oldCommittee.members().forEach(a -> w.raw(a.value().toArray()));
            w.point(expectedGroupKey);
        }
        return HashToField.sha256(w.toByteArray());
    }
}
