package seqpool.tss.frost;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bouncycastle.math.ec.ECPoint;

import seqpool.codec.crypto.Secp256k1Group;
import seqpool.tss.math.HashToField;
import seqpool.tss.math.Lagrange;

/**
 * The values every signer and the aggregator derive from a {@link SigningPackage} and the group key (RFC 9591 §4.3,
 * §4.4, §4.5, §4.6): binding factors ρ_i, group commitment R, challenge c and Lagrange coefficients λ_i. Immutable
 * (every field final, the binding factors an unmodifiable map, the package an immutable value), so thread-safe;
 * commitment shares and λ_i are computed on each call, not cached.
 */
public final class SigningTranscript {
    private final Map<Integer, BigInteger> bindingFactors;

    private final ECPoint groupCommitment;
    private final BigInteger challenge;
    private final SigningPackage pkg;

    /** Fails with the typed error if the commitments sum to the identity (RFC 9591 §4.5). */
    public SigningTranscript(SigningPackage pkg, ECPoint groupKey) throws InvalidSigningPackageException {
        this.pkg = pkg;
        this.bindingFactors = Collections.unmodifiableMap(bindingFactors(groupKey, pkg));
        int n = pkg.commitments().size();
        ECPoint[] es = new ECPoint[n];
        BigInteger[] rhos = new BigInteger[n];
        ECPoint hidingSum = Secp256k1Group.identity();
        for (int i = 0; i < n; i++) {
            SigningCommitment c = pkg.commitments().get(i);
            es[i] = c.binding();
            rhos[i] = bindingFactors.get(c.identifier());
            hidingSum = hidingSum.add(c.hiding());
        }
        // R = Σ D_i + Σ ρ_i·E_i, the second sum as one interleaved multi-scalar multiplication.
        this.groupCommitment = hidingSum.add(Secp256k1Group.sumOfMultiplies(es, rhos)).normalize();
        if (groupCommitment.isInfinity()) {
            throw new InvalidSigningPackageException(InvalidSigningPackageException.Reason.IDENTITY_GROUP_COMMITMENT,
                    "group commitment is the identity", java.util.Set.of());
        }
        this.challenge = FrostCiphersuite.h2(HashToField.concat(Secp256k1Group.encode(groupCommitment),
                Secp256k1Group.encode(groupKey), pkg.message()));
    }

    /** compute_binding_factors (RFC 9591 §4.4). */
    static Map<Integer, BigInteger> bindingFactors(ECPoint groupKey, SigningPackage pkg) {
        ByteArrayOutputStream list = new ByteArrayOutputStream();
        for (SigningCommitment c : pkg.commitments()) {
            list.writeBytes(c.encode());
        }
        byte[] prefix = HashToField.concat(Secp256k1Group.encode(groupKey), FrostCiphersuite.h4(pkg.message()),
                FrostCiphersuite.h5(list.toByteArray()));
        Map<Integer, BigInteger> out = new LinkedHashMap<>();
        for (SigningCommitment c : pkg.commitments()) {
            byte[] input = HashToField.concat(prefix, Secp256k1Group.encodeScalar(BigInteger.valueOf(c.identifier())));
            out.put(c.identifier(), FrostCiphersuite.h1(input));
        }
        return out;
    }

    /** The binding-factor input of one signer (for the test vectors). */
    public static byte[] bindingFactorInput(ECPoint groupKey, SigningPackage pkg, int identifier) {
        ByteArrayOutputStream list = new ByteArrayOutputStream();
        for (SigningCommitment c : pkg.commitments()) {
            list.writeBytes(c.encode());
        }
        return HashToField.concat(Secp256k1Group.encode(groupKey), FrostCiphersuite.h4(pkg.message()),
                FrostCiphersuite.h5(list.toByteArray()), Secp256k1Group.encodeScalar(BigInteger.valueOf(identifier)));
    }

    public BigInteger bindingFactor(int identifier) {
        BigInteger b = bindingFactors.get(identifier);
        if (b == null) {
            throw new IllegalArgumentException("identifier " + identifier + " is not a signer");
        }
        return b;
    }

    /** D_i + ρ_i·E_i (computed on each call, for share verification). */
    public ECPoint commitmentShare(int identifier) {
        SigningCommitment c = pkg.commitmentOf(identifier);
        return c.hiding().add(Secp256k1Group.mul(c.binding(), bindingFactor(identifier))).normalize();
    }

    public ECPoint groupCommitment() {
        return groupCommitment;
    }

    public BigInteger challenge() {
        return challenge;
    }

    public BigInteger lambda(int identifier) {
        return Lagrange.coefficientAtZero(identifier, pkg.signers());
    }

    public SigningPackage signingPackage() {
        return pkg;
    }
}
