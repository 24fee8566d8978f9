package seqpool.sequencer.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Address;

class DevAccountsTest {
    @Test
    void theAddressesAreAnvilsDefaultAccountsDerivedFromItsMnemonic() {
        List<Address> derived = EthTxs.DEV.stream().map(EthTxs::address).toList();
        assertEquals(derived, DevAccounts.ADDRESSES);
        assertEquals("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
                "0x" + EthTxs.DEV.get(0).getEcKeyPair().getPrivateKey().toString(16));
    }

    @Test
    void theGenesisGivesEachTenThousandEther() {
        assertEquals(10, DevAccounts.genesis().size());
        assertEquals(BigInteger.TEN.pow(22), DevAccounts.BALANCE);
        DevAccounts.ADDRESSES.forEach(a -> assertEquals(DevAccounts.BALANCE, DevAccounts.genesis().get(a)));
    }
}
