package seqpool.contracts.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static seqpool.contracts.testing.Chain.ok;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Blob;
import org.web3j.crypto.BlobUtils;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Numeric;

import seqpool.contracts.anvil.AnvilProcess;
import seqpool.contracts.digest.PoolMessageDigest;
import seqpool.contracts.testing.Chain;
import seqpool.contracts.testing.Deployment;
import seqpool.contracts.testing.GasDoc;
import seqpool.contracts.wrappers.BatchInbox;

/**
 * L1 gas to post 120 KiB of (already compressed, i.e. incompressible) L2 batch data, on anvil with the Prague
 * hardfork (web3j 4.13 builds the pre-Osaka blob network form): (a) one EIP-4844 blob plus {@code
 * BatchInbox.appendBatch}, (b) the data as calldata of {@code appendBatch}, (c) Metis-style, the data as calldata of
 * a plain transaction to an inbox address (no contract). Each batch is pool-signed with FROST (R as x,y) and posted
 * after a first batch, so that the inbox's storage slots are not written for the first time. Prints the figures and,
 * with {@code -Dseqpool.gasReport=FILE}, writes the table into docs/gas.md.
 */
class BatchPostingGasIT {
    static final int DATA_BYTES = 120 * 1024;
    static final long MAX_BLOB_APPEND_EXECUTION_GAS = 60_000;

    /** Usable bytes per blob with the simple encoding: 4,096 field elements of 31 data bytes (top byte zero). */
    static final int BLOB_FIELD_ELEMENTS = 4096;
    static final int BYTES_PER_FIELD_ELEMENT = 31;
    static final int BLOB_CAPACITY = BLOB_FIELD_ELEMENTS * BYTES_PER_FIELD_ELEMENT; // 126,976
    static final long GAS_PER_BLOB = 131_072;

    private final Random random = new Random(120);
    private final BigInteger gwei = BigInteger.valueOf(1_000_000_000L);
    private final List<String[]> rows = new ArrayList<>();

    /**
     * The blobs carrying {@code data}: I2OSP(len, 4) || data, cut into 31-byte pieces, each piece the low 31 bytes of
     * a 32-byte field element whose top byte is zero (so every element is below the BLS12-381 modulus).
     */
    static List<Blob> toBlobs(byte[] data) {
        byte[] framed = new byte[4 + data.length];
        framed[0] = (byte) (data.length >>> 24);
        framed[1] = (byte) (data.length >>> 16);
        framed[2] = (byte) (data.length >>> 8);
        framed[3] = (byte) data.length;
        System.arraycopy(data, 0, framed, 4, data.length);
        List<Blob> blobs = new ArrayList<>();
        for (int off = 0; off < framed.length; off += BLOB_CAPACITY) {
            byte[] raw = new byte[BLOB_FIELD_ELEMENTS * 32];
            int end = Math.min(framed.length, off + BLOB_CAPACITY);
            for (int i = off, fe = 0; i < end; i += BYTES_PER_FIELD_ELEMENT, fe++) {
                System.arraycopy(framed, i, raw, fe * 32 + 1, Math.min(BYTES_PER_FIELD_ELEMENT, end - i));
            }
            blobs.add(new Blob(raw));
        }
        return blobs;
    }

    /** EIP-7623 calldata tokens: zero bytes count 1, other bytes 4. */
    static long tokens(byte[] calldata) {
        long t = 0;
        for (byte b : calldata) {
            t += b == 0 ? 1 : 4;
        }
        return t;
    }

    private static byte[] rnd(Random r, int n) {
        byte[] x = new byte[n];
        r.nextBytes(x);
        return x;
    }

    @Test
    void post120KiB() throws Exception {
        Path binary = Path.of(System.getProperty("seqpool.anvil.binary"));
        try (AnvilProcess anvil = AnvilProcess.start(binary, Chain.CHAIN_ID, Path.of("target", "anvil-gas-prague.log"),
                List.of("--hardfork", "prague"));
                Chain chain = new Chain(anvil.rpcUrl())) {
            Deployment d = new Deployment(chain);
            String inbox = d.inbox.getContractAddress();
            Credentials poster = chain.newAccount(); // raw blob / plain transactions (the admin's manager caches nonces)
            byte[] data = rnd(random, DATA_BYTES);

            // warm-up: batch 1 (first writes of the inbox's slots are not what a batch costs afterwards)
            long l2 = 1;
            byte[] small = rnd(random, 100);
            BatchInbox.BatchHeader h1 = header(1, l2, l2 + 9, 0, List.of(Hash.sha3(small)));
            ok(d.inbox.appendBatch(h1, small, d.poolKey.frost(digest(inbox, h1))));
            l2 += 10;

            // (a) one blob + appendBatch
            List<Blob> blobs = toBlobs(data);
            assertEquals(1, blobs.size(), "120 KiB + a 4-byte length fit one blob (" + BLOB_CAPACITY + " bytes)");
            List<byte[]> versionedHashes = new ArrayList<>();
            for (Blob b : blobs) {
                versionedHashes.add(BlobUtils.kzgToVersionedHash(BlobUtils.getCommitment(b)).toArrayUnsafe());
            }
            BatchInbox.BatchHeader h2 = header(2, l2, l2 + 99, 1, versionedHashes);
            String call = d.inbox.appendBatch(h2, new byte[0], d.poolKey.frost(digest(inbox, h2))).encodeFunctionCall();
            TransactionReceipt blob = sendBlobTransaction(chain, poster, inbox, call, blobs);
            assertTrue(blob.isStatusOK(), blob.toString());
            assertArrayEquals(Hash.sha3(versionedHashes.get(0)), BatchInbox.getBatchAppendedEvents(blob).get(0).dataCommitment);
            long blobExec = blob.getGasUsed().longValueExact();
            long blobGas = Numeric.decodeQuantity(blob.getBlobGasUsed()).longValueExact();
            assertEquals(GAS_PER_BLOB * blobs.size(), blobGas);
            l2 += 100;

            // (b) the same bytes as calldata of appendBatch
            BatchInbox.BatchHeader h3 = header(3, l2, l2 + 99, 0, List.of(Hash.sha3(data)));
            var appendCall = d.inbox.appendBatch(h3, data, d.poolKey.frost(digest(inbox, h3)));
            byte[] appendCalldata = Numeric.hexStringToByteArray(appendCall.encodeFunctionCall());
            TransactionReceipt calldata = ok(appendCall);
            long calldataGas = calldata.getGasUsed().longValueExact();
            l2 += 100;

            // (c) Metis-style: the same bytes as calldata of a plain transaction to an inbox address (no code)
            String metisInbox = "0xff00000000000000000000000000000000001088";
            TransactionReceipt plain = sendPlainTransaction(chain, poster, metisInbox, data);
            assertTrue(plain.isStatusOK(), plain.toString());
            long plainGas = plain.getGasUsed().longValueExact();
            // no execution: the EIP-7623 floor (10 gas per token) is what it pays
            assertEquals(21_000 + 10 * tokens(data), plainGas, "Metis-style calldata pays the EIP-7623 floor");

            System.out.println("FIGURE append_batch_blob_execution_gas " + blobExec);
            System.out.println("FIGURE append_batch_blob_count " + blobs.size());
            System.out.println("FIGURE append_batch_calldata_gas " + calldataGas);
            System.out.println("FIGURE metis_style_calldata_gas " + plainGas);

            long appendTokens = tokens(appendCalldata);
            rows.add(new String[] {"(a) 1 EIP-4844 blob + `BatchInbox.appendBatch`", Integer.toString(blobs.size()),
                    Long.toString(blobExec), Long.toString(blobGas),
                    "120 KiB + 4-byte length, 31 bytes per field element: " + (4 + DATA_BYTES) + " of " + BLOB_CAPACITY
                            + " usable bytes; FROST (R as x,y) pool signature"});
            rows.add(new String[] {"(b) calldata of `BatchInbox.appendBatch`", "0", Long.toString(calldataGas), "0",
                    appendCalldata.length + " calldata bytes; EIP-7623 floor 21,000 + 10 × " + appendTokens + " tokens = "
                            + (21_000 + 10 * appendTokens) + "; FROST (R as x,y) pool signature"});
            rows.add(new String[] {"(c) Metis-style: calldata of a plain transaction to an inbox address", "0",
                    Long.toString(plainGas), "0", data.length + " calldata bytes, no contract, no signature check: the "
                            + "EIP-7623 floor 21,000 + 10 × " + tokens(data) + " tokens"});
            String table = GasDoc.table(List.of("120 KiB of batch data posted as", "blobs", "gas used (execution)",
                    "blob gas", "note"), rows);
            System.out.println(table);
            GasDoc.write("posting-table", "BatchPostingGasIT", table);

            assertTrue(blobExec <= MAX_BLOB_APPEND_EXECUTION_GAS, "blob + appendBatch costs " + blobExec
                    + " execution gas, more than " + MAX_BLOB_APPEND_EXECUTION_GAS);
        }
    }

    private static BatchInbox.BatchHeader header(long index, long first, long last, int kind, List<byte[]> hashes) {
        byte[] seed = Hash.sha3(Numeric.toBytesPadded(BigInteger.valueOf(index), 32));
        return new BatchInbox.BatchHeader(BigInteger.valueOf(index), BigInteger.valueOf(first), BigInteger.valueOf(last),
                seed, Hash.sha3(seed), BigInteger.valueOf(kind), hashes);
    }

    private static byte[] digest(String inbox, BatchInbox.BatchHeader h) {
        return PoolMessageDigest.appendBatch(Chain.CHAIN_ID, inbox, h.index.longValue(), h.firstL2Block.longValue(),
                h.lastL2Block.longValue(), h.blockHashesCommitment, h.postStateRoot, h.dataKind.intValue(), h.dataHashes);
    }

    private TransactionReceipt sendBlobTransaction(Chain chain, Credentials from, String to, String data,
            List<Blob> blobs) throws Exception {
        BigInteger nonce = nonce(chain, from);
        RawTransaction tx = RawTransaction.createTransaction(blobs, Chain.CHAIN_ID, nonce, gwei,
                gwei.multiply(BigInteger.valueOf(20)), BigInteger.valueOf(500_000), to, BigInteger.ZERO, data,
                gwei.multiply(BigInteger.valueOf(20)));
        return send(chain, TransactionEncoder.signMessage(tx, from));
    }

    private TransactionReceipt sendPlainTransaction(Chain chain, Credentials from, String to, byte[] data)
            throws Exception {
        RawTransaction tx = RawTransaction.createTransaction(Chain.CHAIN_ID, nonce(chain, from),
                BigInteger.valueOf(8_000_000), to, BigInteger.ZERO, Numeric.toHexString(data), gwei,
                gwei.multiply(BigInteger.valueOf(20)));
        return send(chain, TransactionEncoder.signMessage(tx, from));
    }

    private static BigInteger nonce(Chain chain, Credentials from) throws Exception {
        return chain.web3j().ethGetTransactionCount(from.getAddress(), DefaultBlockParameterName.PENDING).send()
                .getTransactionCount();
    }

    private static TransactionReceipt send(Chain chain, byte[] signed) throws Exception {
        EthSendTransaction sent = chain.web3j().ethSendRawTransaction(Numeric.toHexString(signed)).send();
        assertFalse(sent.hasError(), () -> sent.getError().getMessage());
        return new PollingTransactionReceiptProcessor(chain.web3j(), 50, 400)
                .waitForTransactionReceipt(sent.getTransactionHash());
    }

    @Test
    void blobEncodingRoundTrips() {
        byte[] data = rnd(new Random(7), DATA_BYTES);
        List<Blob> blobs = toBlobs(data);
        assertEquals(1, blobs.size());
        byte[] raw = blobs.get(0).getData().toArrayUnsafe();
        byte[] out = new byte[BLOB_CAPACITY];
        for (int fe = 0; fe < BLOB_FIELD_ELEMENTS; fe++) {
            assertEquals(0, raw[fe * 32], "top byte of field element " + fe);
            System.arraycopy(raw, fe * 32 + 1, out, fe * 31, 31);
        }
        int len = ((out[0] & 0xff) << 24) | ((out[1] & 0xff) << 16) | ((out[2] & 0xff) << 8) | (out[3] & 0xff);
        assertEquals(DATA_BYTES, len);
        assertArrayEquals(data, Arrays.copyOfRange(out, 4, 4 + len));
        assertEquals(2, toBlobs(new byte[BLOB_CAPACITY]).size(), "a full blob's worth plus the length needs two");
    }
}
