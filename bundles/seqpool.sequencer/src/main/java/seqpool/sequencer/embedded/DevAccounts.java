package seqpool.sequencer.embedded;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import seqpool.api.common.Address;

/**
 * anvil's ten default test accounts (mnemonic {@code test test test test test test test test test test test junk},
 * path {@code m/44'/60'/0'/0/i}), which the devnet funds with 10,000 ETH each. Their keys are public knowledge: for
 * development chains only.
 */
public final class DevAccounts {
    /** 10,000 ETH in wei. */
    public static final BigInteger BALANCE = new BigInteger("10000000000000000000000");

    public static final List<Address> ADDRESSES = List.of(
            Address.fromHex("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"),
            Address.fromHex("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"),
            Address.fromHex("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"),
            Address.fromHex("0x90F79bf6EB2c4f870365E785982E1f101E93b906"),
            Address.fromHex("0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65"),
            Address.fromHex("0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc"),
            Address.fromHex("0x976EA74026E726554dB657fA54763abd0C3a0aa9"),
            Address.fromHex("0x14dC79964da2C08b23698B3D3cc7Ca32193d9955"),
            Address.fromHex("0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f"),
            Address.fromHex("0xa0Ee7A142d267C1f36714E4a8F75612F20a79720"));

    private DevAccounts() {
    }

    /** The devnet's genesis allocations: every address with {@link #BALANCE}. */
    public static Map<Address, BigInteger> genesis() {
        Map<Address, BigInteger> out = new TreeMap<>();
        for (Address a : ADDRESSES) {
            out.put(a, BALANCE);
        }
        return out;
    }
}
