package seqpool.tss.math;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.math.ec.ECPoint;

import seqpool.codec.crypto.Secp256k1Group;

/**
 * A secret polynomial f(x) = a_0 + a_1·x + … + a_{t-1}·x^{t-1} over Z_n (Shamir dealing, RFC 9591 Appendix C).
 *
 * <p>Security: holds secret coefficients; {@link #toString()} is redacted and {@link #destroy()} drops them.
 */
public final class Polynomial {
    private BigInteger[] coefficients;

    private Polynomial(BigInteger[] coefficients) {
        this.coefficients = coefficients;
    }

    /** A random polynomial of {@code threshold} coefficients with the given constant term. */
    public static Polynomial random(BigInteger constant, int threshold, SecureRandom random) {
        BigInteger[] c = new BigInteger[threshold];
        c[0] = constant.mod(Secp256k1Group.N);
        for (int i = 1; i < threshold; i++) {
            c[i] = Secp256k1Group.randomScalar(random);
        }
        return new Polynomial(c);
    }

    public static Polynomial of(BigInteger... coefficients) {
        return new Polynomial(coefficients.clone());
    }

    public int threshold() {
        return live().length;
    }

    public BigInteger constant() {
        return live()[0];
    }

    /** f(x) by Horner's rule. */
    public BigInteger evaluate(int x) {
        BigInteger[] c = live();
        BigInteger bx = BigInteger.valueOf(x);
        BigInteger acc = BigInteger.ZERO;
        for (int i = c.length - 1; i >= 0; i--) {
            acc = acc.multiply(bx).add(c[i]).mod(Secp256k1Group.N);
        }
        return acc;
    }

    /** The Feldman commitment [a_0·G, …, a_{t-1}·G]. */
    public ECPoint[] commit() {
        BigInteger[] c = live();
        ECPoint[] out = new ECPoint[c.length];
        for (int i = 0; i < c.length; i++) {
            out[i] = Secp256k1Group.mulG(c[i]);
        }
        return out;
    }

    /** Evaluates a commitment vector at x by Horner's rule in the exponent: Σ C_k·x^k. */
    public static ECPoint evaluateCommitment(ECPoint[] commitment, int x) {
        ECPoint acc = Secp256k1Group.identity();
        for (int k = commitment.length - 1; k >= 0; k--) {
            acc = Secp256k1Group.mulSmall(acc, x).add(commitment[k]);
        }
        return acc.normalize();
    }

    public void destroy() {
        if (coefficients != null) {
            Arrays.fill(coefficients, BigInteger.ZERO);
            coefficients = null;
        }
    }

    private BigInteger[] live() {
        if (coefficients == null) {
            throw new IllegalStateException("polynomial destroyed");
        }
        return coefficients;
    }

    @Override
    public String toString() {
        return "Polynomial<redacted>";
    }
}
