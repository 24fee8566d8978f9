package seqpool.bench.l2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;

class LoadAccountsTest {
    @Test
    void fastSignatureIsByteForByteWeb3js() throws Exception {
        BigInteger maxFee = BigInteger.valueOf(1_000_000_000_000L);
        for (int i = 0; i < 40; i++) {
            Credentials from = LoadAccounts.sender(i);
            LoadAccounts.Signed fast = LoadAccounts.transfer(901, from, i * 7L, L2Load.SINK, BigInteger.ONE,
                    BigInteger.ONE, maxFee);
            LoadAccounts.Signed ref = LoadAccounts.transferByWeb3j(901, from, i * 7L, L2Load.SINK, BigInteger.ONE,
                    BigInteger.ONE, maxFee);
            assertEquals(ref, fast);
            SignedRawTransaction decoded = (SignedRawTransaction) TransactionDecoder.decode(fast.raw());
            assertEquals(from.getAddress(), decoded.getFrom().toLowerCase());
        }
    }

    @Test
    void sendersAreDeterministicAndDistinct() {
        assertEquals(LoadAccounts.sender(3).getAddress(), LoadAccounts.sender(3).getAddress());
        assertNotEquals(LoadAccounts.sender(3).getAddress(), LoadAccounts.sender(4).getAddress());
        assertEquals("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", LoadAccounts.devAccounts().get(0).getAddress());
    }
}
