package seqpool.contracts.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Blob;
import org.web3j.crypto.BlobUtils;
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
import seqpool.contracts.wrappers.BatchInbox;

/**
 * The positive EIP-4844 path: a type-3 transaction carrying one blob appends a batch whose header commits to the
 * blob's versioned hash (checked by the contract with BLOBHASH). Runs on its own anvil with the Prague hardfork
 * (web3j 4.13 encodes the Cancun/Prague blob network form).
 */
class BlobBatchIT {
    @Test
    void blobBatchIsAcceptedWithItsVersionedHash() throws Exception {
        Path binary = Path.of(System.getProperty("seqpool.anvil.binary"));
        try (AnvilProcess anvil = AnvilProcess.start(binary, Chain.CHAIN_ID, Path.of("target", "anvil-prague.log"),
                List.of("--hardfork", "prague"));
                Chain chain = new Chain(anvil.rpcUrl())) {
            Deployment d = new Deployment(chain);
            String inbox = d.inbox.getContractAddress();
            byte[] raw = new byte[131072];
            new SecureRandom().nextBytes(raw);
            for (int i = 0; i < raw.length; i += 32) {
                raw[i] = 0; // every field element below the BLS12-381 modulus
            }
            Blob blob = new Blob(raw);
            byte[] versionedHash = BlobUtils.kzgToVersionedHash(BlobUtils.getCommitment(blob)).toArrayUnsafe();
            assertEquals(1, versionedHash[0]);
            BatchInbox.BatchHeader h = new BatchInbox.BatchHeader(BigInteger.ONE, BigInteger.ONE, BigInteger.TEN,
                    Hash.sha3(raw), Hash.sha3(versionedHash), BigInteger.ONE, List.of(versionedHash));
            byte[] digest = PoolMessageDigest.appendBatch(Chain.CHAIN_ID, inbox, 1, 1, 10, h.blockHashesCommitment,
                    h.postStateRoot, 1, h.dataHashes);
            String data = d.inbox.appendBatch(h, new byte[0], d.poolKey.frost(digest)).encodeFunctionCall();

            BigInteger nonce = chain.web3j().ethGetTransactionCount(d.admin.getAddress(), DefaultBlockParameterName.PENDING)
                    .send().getTransactionCount();
            BigInteger gwei = BigInteger.valueOf(1_000_000_000L);
            RawTransaction tx = RawTransaction.createTransaction(List.of(blob), Chain.CHAIN_ID, nonce, gwei,
                    gwei.multiply(BigInteger.valueOf(20)), BigInteger.valueOf(500_000), inbox, BigInteger.ZERO, data,
                    gwei.multiply(BigInteger.valueOf(20)));
            EthSendTransaction sent = chain.web3j().ethSendRawTransaction(
                    Numeric.toHexString(TransactionEncoder.signMessage(tx, d.admin))).send();
            assertFalse(sent.hasError(), () -> sent.getError().getMessage());
            TransactionReceipt r = new PollingTransactionReceiptProcessor(chain.web3j(), 50, 200)
                    .waitForTransactionReceipt(sent.getTransactionHash());
            assertTrue(r.isStatusOK(), r.toString());
            var e = BatchInbox.getBatchAppendedEvents(r).get(0);
            assertEquals(BigInteger.ONE, e.dataKind);
            assertArrayEquals(Hash.sha3(versionedHash), e.dataCommitment);
            assertEquals(BigInteger.ONE, d.inbox.lastBatchIndex().send());
        }
    }
}
