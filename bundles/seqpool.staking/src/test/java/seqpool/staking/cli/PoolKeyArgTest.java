package seqpool.staking.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;

/** What PoolKeyRegistry._parseKey accepts, checked before deploying (vectors computed independently in Python). */
class PoolKeyArgTest {
    static final String GX = ContractsDeployPoolKeyTest.GX;
    static final String GY = ContractsDeployPoolKeyTest.GY;
    /** x = n (the group order) is the x of a curve point: valid for the curve, refused by the registry. */
    static final String NX = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";
    static final String NY = "98f66641cb0ae1776b463ebdee3d77fe2658f021db48e2c8ac7ab4c92f83621e";

    @Test
    void theGeneratorIsAValidKeyWithOrWithout0x() {
        byte[] g = Numeric.hexStringToByteArray(GX + GY);
        assertArrayEquals(g, PoolKeyArg.parse(GX + GY));
        assertArrayEquals(g, PoolKeyArg.parse("0x" + (GX + GY).toUpperCase()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "not hex, zz, not hex",
            "compressed, 02" + "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798" + ", compressed",
            "uncompressed with 04, 04" + "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
                    + "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8" + ", drop the 04",
            "identity, 0000000000000000000000000000000000000000000000000000000000000000"
                    + "0000000000000000000000000000000000000000000000000000000000000000" + ", identity",
            "off the curve, 79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
                    + "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b9" + ", not a point",
            "x = n, fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141"
                    + "98f66641cb0ae1776b463ebdee3d77fe2658f021db48e2c8ac7ab4c92f83621e" + ", [1, n)",
            "coordinate above p, ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
                    + "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8" + ", field prime"})
    void refused(String name, String hex, String says) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PoolKeyArg.parse(hex));
        assertTrue(e.getMessage().startsWith("--pool-key: ") && e.getMessage().contains(says), e.getMessage());
    }

    @Test
    void theXEqualsNPointIsOnTheCurve() {
        java.math.BigInteger x = new java.math.BigInteger(NX, 16);
        java.math.BigInteger y = new java.math.BigInteger(NY, 16);
        assertTrue(y.pow(2).subtract(x.pow(3)).subtract(java.math.BigInteger.valueOf(7)).mod(PoolKeyArg.P).signum() == 0);
    }
}
