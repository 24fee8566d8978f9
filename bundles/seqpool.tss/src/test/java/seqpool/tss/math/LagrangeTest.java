package seqpool.tss.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;

import seqpool.codec.crypto.Secp256k1Group;

/** Lagrange coefficients refuse bad identifier sets and match hand-computed values. */
class LagrangeTest {
    @Test
    void lagrangeRefusesZeroDuplicateAndForeignIdentifiers() {
        assertThrows(IllegalArgumentException.class, () -> Lagrange.coefficientAtZero(1, List.of(0, 1)));
        assertThrows(IllegalArgumentException.class, () -> Lagrange.coefficientAtZero(1, List.of(1, 1, 2)));
        assertThrows(IllegalArgumentException.class, () -> Lagrange.coefficientAtZero(3, List.of(1, 2)));
        // λ at zero over {1, 2}: 2 and -1; the basis at x = 1 is the indicator of identifier 1.
        assertEquals(BigInteger.TWO, Lagrange.coefficientAtZero(1, List.of(1, 2)));
        assertEquals(Secp256k1Group.N.subtract(BigInteger.ONE), Lagrange.coefficientAtZero(2, List.of(1, 2)));
        assertEquals(BigInteger.ONE, Lagrange.coefficientAt(1, 1, List.of(1, 2, 5)));
        assertEquals(BigInteger.ZERO, Lagrange.coefficientAt(2, 1, List.of(1, 2, 5)));
    }
}
