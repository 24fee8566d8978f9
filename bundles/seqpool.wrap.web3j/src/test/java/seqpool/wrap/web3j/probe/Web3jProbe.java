package seqpool.wrap.web3j.probe;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.rlp.RlpDecoder;
import org.web3j.rlp.RlpEncoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;
import org.web3j.utils.Numeric;

/**
 * Runs inside the OSGi framework, in a bundle that imports web3j from the wrapper. Takes a JSON-RPC URL and returns
 * what web3j computed, as strings (only java.* types cross the class-loader boundary).
 */
public final class Web3jProbe implements Function<String, Map<String, String>> {
    /** anvil's first dev account (public test key, never a real one). */
    static final String DEV_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    @Override
    public Map<String, String> apply(String rpcUrl) {
        Map<String, String> out = new LinkedHashMap<>();
        Credentials credentials = Credentials.create(DEV_KEY);
        out.put("address", credentials.getAddress());

        RawTransaction tx = RawTransaction.createEtherTransaction(BigInteger.valueOf(7), BigInteger.valueOf(1_000_000_000L),
                BigInteger.valueOf(21_000), "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", BigInteger.TEN.pow(18));
        byte[] signed = TransactionEncoder.signMessage(tx, 31337L, credentials);
        SignedRawTransaction decoded = (SignedRawTransaction) TransactionDecoder.decode(Numeric.toHexString(signed));
        try {
            out.put("txFrom", decoded.getFrom());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        out.put("txChainId", String.valueOf(decoded.getChainId()));
        out.put("txNonce", decoded.getNonce().toString());

        String call = FunctionEncoder.encode(new org.web3j.abi.datatypes.Function("transfer",
                List.of(new Address("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"), new Uint256(BigInteger.TEN)), List.of()));
        out.put("callData", call);

        RlpList list = new RlpList(RlpString.create("seqpool"), RlpString.create(BigInteger.valueOf(1234567)),
                new RlpList(RlpString.create(new byte[] {1, 2, 3})));
        byte[] rlp = RlpEncoder.encode(list);
        RlpList back = (RlpList) RlpDecoder.decode(rlp).getValues().get(0);
        List<RlpType> values = back.getValues();
        out.put("rlpFirst", new String(((RlpString) values.get(0)).getBytes(), java.nio.charset.StandardCharsets.US_ASCII));
        out.put("rlpSecond", ((RlpString) values.get(1)).asPositiveBigInteger().toString());
        out.put("rlpReencodedEqual", String.valueOf(java.util.Arrays.equals(rlp, RlpEncoder.encode(back))));

        Web3j web3j = Web3j.build(new HttpService(rpcUrl));
        try {
            out.put("chainId", web3j.ethChainId().send().getChainId().toString());
            out.put("blockNumber", web3j.ethBlockNumber().send().getBlockNumber().toString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("JSON-RPC call failed", e);
        } finally {
            web3j.shutdown();
        }
        return out;
    }
}
