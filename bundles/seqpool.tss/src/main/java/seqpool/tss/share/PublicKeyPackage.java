package seqpool.tss.share;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.bouncycastle.math.ec.ECPoint;

import seqpool.codec.crypto.Secp256k1Group;

/**
 * The public side of one generation: group key X = f(0)·G, every member's public share X_i = x_i·G (by Shamir
 * identifier) and the threshold (number of signers required). Immutable.
 */
public record PublicKeyPackage(ECPoint groupKey, Map<Integer, ECPoint> publicShares, int threshold) {
    public PublicKeyPackage {
        if (groupKey == null || groupKey.isInfinity()) {
            throw new IllegalArgumentException("group key must be a non-identity point");
        }
        if (publicShares == null || publicShares.isEmpty()) {
            throw new IllegalArgumentException("public shares are required");
        }
        if (threshold < 1 || threshold > publicShares.size()) {
            throw new IllegalArgumentException("threshold " + threshold + " outside 1.." + publicShares.size());
        }
        for (var e : publicShares.entrySet()) {
            if (e.getKey() < 1 || e.getValue().isInfinity()) {
                throw new IllegalArgumentException("identifier " + e.getKey() + " invalid or its public share is the identity");
            }
        }
        publicShares = Collections.unmodifiableSortedMap(new TreeMap<>(publicShares));
        groupKey = groupKey.normalize();
    }

    public ECPoint publicShare(int identifier) {
        ECPoint p = publicShares.get(identifier);
        if (p == null) {
            throw new IllegalArgumentException("no public share for identifier " + identifier);
        }
        return p;
    }

    public byte[] groupKeyBytes() {
        return Secp256k1Group.encode(groupKey);
    }

    /** SHA-256 over every (identifier, X_i) in order plus X and the threshold: what confirmations sign. */
    public byte[] digest() {
        var h = new java.io.ByteArrayOutputStream();
        h.writeBytes(Secp256k1Group.encode(groupKey));
        h.writeBytes(new byte[] {(byte) (threshold >>> 8), (byte) threshold});
        for (var e : publicShares.entrySet()) {
            h.writeBytes(new byte[] {(byte) (e.getKey() >>> 8), (byte) (int) e.getKey()});
            h.writeBytes(Secp256k1Group.encode(e.getValue()));
        }
        return seqpool.tss.math.HashToField.sha256(h.toByteArray());
    }
}
