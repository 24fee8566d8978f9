package seqpool.tss.math;

import java.math.BigInteger;
import java.util.Collection;

import seqpool.codec.crypto.Secp256k1Group;

/** Lagrange coefficients at x = 0 over Z_n (RFC 9591 §4.2 derive_interpolating_value). */
public final class Lagrange {
    private Lagrange() {
    }

    /**
     * λ_i for interpolating f(0) from the points with identifiers {@code xs}. Rejects a zero identifier, duplicates
     * and an {@code xi} not in the set.
     */
    public static BigInteger coefficientAtZero(int xi, Collection<Integer> xs) {
        return coefficientAt(0, xi, xs);
    }

    /**
     * The Lagrange basis polynomial of {@code xi} over {@code xs}, evaluated at {@code x}: Π_{j ≠ i} (x − x_j) / (x_i − x_j).
     * Same checks as {@link #coefficientAtZero}.
     */
    public static BigInteger coefficientAt(int x, int xi, Collection<Integer> xs) {
        if (!xs.contains(xi)) {
            throw new IllegalArgumentException("identifier " + xi + " not among the signers");
        }
        if (xs.stream().distinct().count() != xs.size() || xs.contains(0)) {
            throw new IllegalArgumentException("identifiers must be distinct and non-zero");
        }
        BigInteger num = BigInteger.ONE;
        BigInteger den = BigInteger.ONE;
        BigInteger bxi = BigInteger.valueOf(xi);
        for (int xj : xs) {
            if (xj == xi) {
                continue;
            }
            BigInteger bxj = BigInteger.valueOf(xj);
            num = num.multiply(BigInteger.valueOf(x).subtract(bxj)).mod(Secp256k1Group.N);
            den = den.multiply(bxi.subtract(bxj)).mod(Secp256k1Group.N);
        }
        return num.multiply(den.modInverse(Secp256k1Group.N)).mod(Secp256k1Group.N);
    }
}
