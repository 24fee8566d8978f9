package seqpool.bench.l2;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.MnemonicUtils;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The generator's accounts: anvil's ten funded dev accounts (the L2 genesis funds the same ones) and fresh senders
 * derived deterministically (so a re-run on the same chain finds them funded), and the signing of EIP-1559 transfers.
 */
final class LoadAccounts {
    static final String DEV_MNEMONIC = "test test test test test test test test test test test junk";
    static final int DEV_ACCOUNTS = 10;
    /** Funding transactions in flight per dev account: below the mempool's 64 per sender. */
    static final int FUNDING_PER_ROUND = 48;
    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    private static final BigInteger N = CURVE.getN();
    private static final BigInteger HALF_N = N.shiftRight(1);
    private static final FixedPointCombMultiplier COMB = new FixedPointCombMultiplier();

    private LoadAccounts() {
    }

    static Credentials sender(int i) {
        byte[] seed = Hash.sha3(("seqpool-l2load-sender-" + i).getBytes(StandardCharsets.UTF_8));
        return Credentials.create(ECKeyPair.create(seed));
    }

    static List<Credentials> devAccounts() {
        Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(DEV_MNEMONIC, ""));
        List<Credentials> out = new ArrayList<>();
        for (int i = 0; i < DEV_ACCOUNTS; i++) {
            int[] path = {44 | Bip32ECKeyPair.HARDENED_BIT, 60 | Bip32ECKeyPair.HARDENED_BIT,
                Bip32ECKeyPair.HARDENED_BIT, 0, i};
            out.add(Credentials.create(Bip32ECKeyPair.deriveKeyPair(master, path)));
        }
        return out;
    }

    /** A signed EIP-1559 transfer as 0x-hex, and its hash (0x + lower-case hex). */
    record Signed(String raw, String hash) {
    }

    static Signed transfer(long chainId, Credentials from, long nonce, String to, BigInteger value,
            BigInteger priorityFee, BigInteger maxFee) {
        RawTransaction tx = RawTransaction.createEtherTransaction(chainId, BigInteger.valueOf(nonce),
                BigInteger.valueOf(21_000), to, value, priorityFee, maxFee);
        byte[] signed = TransactionEncoder.encode(tx, sign(Hash.sha3(TransactionEncoder.encode(tx)),
                from.getEcKeyPair().getPrivateKey()));
        return new Signed(Numeric.toHexString(signed), Numeric.toHexString(Hash.sha3(signed)));
    }

    /** The same transfer signed by web3j's own {@link TransactionEncoder#signMessage} (the reference). */
    static Signed transferByWeb3j(long chainId, Credentials from, long nonce, String to, BigInteger value,
            BigInteger priorityFee, BigInteger maxFee) {
        RawTransaction tx = RawTransaction.createEtherTransaction(chainId, BigInteger.valueOf(nonce),
                BigInteger.valueOf(21_000), to, value, priorityFee, maxFee);
        byte[] signed = TransactionEncoder.signMessage(tx, chainId, from);
        return new Signed(Numeric.toHexString(signed), Numeric.toHexString(Hash.sha3(signed)));
    }

    /**
     * ECDSA over secp256k1 with RFC 6979 nonces, as web3j's {@code Sign.signMessage} (so the bytes are identical), but
     * the recovery id comes from R's y parity instead of web3j's trial public-key recoveries, which cost several point
     * multiplications per signature: 200,000 pre-signed transfers would otherwise take minutes on two shared cores.
     */
    static Sign.SignatureData sign(byte[] digest, BigInteger key) {
        HMacDSAKCalculator kCalc = new HMacDSAKCalculator(new SHA256Digest());
        kCalc.init(N, key, digest);
        BigInteger e = new BigInteger(1, digest);
        while (true) {
            BigInteger k = kCalc.nextK();
            ECPoint p = COMB.multiply(CURVE.getG(), k).normalize();
            BigInteger x = p.getAffineXCoord().toBigInteger();
            BigInteger r = x.mod(N);
            if (r.signum() == 0) {
                continue;
            }
            BigInteger s = k.modInverse(N).multiply(e.add(key.multiply(r))).mod(N);
            if (s.signum() == 0) {
                continue;
            }
            int recId = (p.getAffineYCoord().testBitZero() ? 1 : 0) | (x.compareTo(N) >= 0 ? 2 : 0);
            if (s.compareTo(HALF_N) > 0) { // low s (EIP-2): negating s mirrors R, flipping the parity
                s = N.subtract(s);
                recId ^= 1;
            }
            return new Sign.SignatureData((byte) (27 + recId), Numeric.toBytesPadded(r, 32),
                    Numeric.toBytesPadded(s, 32));
        }
    }

    /** One value per address from a batch of {@code method(address, tag)} calls (chunks within the batch limit). */
    static List<BigInteger> query(JsonRpcHttp rpc, String method, List<String> addresses, String tag)
            throws IOException, InterruptedException {
        List<BigInteger> out = new ArrayList<>();
        for (int from = 0; from < addresses.size(); from += 400) {
            List<String> reqs = new ArrayList<>();
            for (String a : addresses.subList(from, Math.min(addresses.size(), from + 400))) {
                reqs.add(JsonRpcHttp.request(reqs.size(), method, "[\"" + a + "\",\"" + tag + "\"]"));
            }
            for (JsonNode r : rpc.batch(reqs)) {
                if (r == null || r.get("result") == null) {
                    throw new IOException(method + " failed: " + r);
                }
                out.add(Numeric.decodeQuantity(r.get("result").asText()));
            }
            Thread.sleep(from + 400 < addresses.size() ? 1000 : 0); // stay under the per-connection rate limit
        }
        return out;
    }
}
