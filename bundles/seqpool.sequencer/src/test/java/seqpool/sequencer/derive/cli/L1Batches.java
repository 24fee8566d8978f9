package seqpool.sequencer.derive.cli;

import java.math.BigInteger;
import java.util.List;

import org.web3j.crypto.Blob;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Numeric;

import seqpool.api.common.Address;
import seqpool.api.sequencer.L2Block;
import seqpool.api.submitter.BatchBlob;
import seqpool.api.submitter.BatchCodec;
import seqpool.api.submitter.BuiltBatch;
import seqpool.api.submitter.DataCommitment;
import seqpool.contracts.digest.PoolMessageDigest;
import seqpool.contracts.testing.Chain;
import seqpool.contracts.testing.Deployment;
import seqpool.contracts.wrappers.BatchInbox;

/**
 * What the pool does on L1 for derivation, in one piece: commits epochs to SequencerSet and appends batches built by
 * the batch codec to BatchInbox, as calldata or as blobs (type-3 transactions whose commitments and proofs come from
 * {@link BatchBlob}, not web3j's BlobUtils), signed with the deployment's pool key. Test-only.
 */
final class L1Batches {
    private static final BigInteger GWEI = BigInteger.valueOf(1_000_000_000L);
    private final Deployment d;
    private final BatchCodec codec;
    /** Posts the blob transactions: its own nonces, apart from the admin's transaction manager. */
    private final Credentials poster;
    private long nextIndex = 1;

    L1Batches(Deployment d, BatchCodec codec) {
        this.d = d;
        this.codec = codec;
        this.poster = d.chain.newAccount();
    }

    void commitEpoch(long id, long first, long last, Address producer) {
        byte[] digest = PoolMessageDigest.commitEpoch(Chain.CHAIN_ID, d.sequencerSet.getContractAddress(), id, first,
                last, producer.toHex());
        Chain.ok(d.sequencerSet.commitEpoch(BigInteger.valueOf(id), BigInteger.valueOf(first),
                BigInteger.valueOf(last), producer.toHex(), d.poolKey.frost(digest)));
    }

    /** Appends the next batch; returns the L1 block it landed in. */
    long append(List<L2Block> blocks, DataCommitment.Kind kind) throws Exception {
        BuiltBatch b = codec.build(nextIndex++, blocks, kind);
        var h = b.header();
        List<byte[]> hashes = h.data().hashes().stream().map(x -> x.value().toArray()).toList();
        int dataKind = kind == DataCommitment.Kind.BLOB ? 1 : 0;
        BatchInbox.BatchHeader header = new BatchInbox.BatchHeader(BigInteger.valueOf(h.batchIndex()),
                BigInteger.valueOf(h.firstL2Block()), BigInteger.valueOf(h.lastL2Block()),
                h.blockHashes().value().toArray(), h.postStateRoot().value().toArray(), BigInteger.valueOf(dataKind),
                hashes);
        byte[] sig = d.poolKey.frost(PoolMessageDigest.appendBatch(Chain.CHAIN_ID, d.inbox.getContractAddress(),
                h.batchIndex(), h.firstL2Block(), h.lastL2Block(), h.blockHashes().value().toArray(),
                h.postStateRoot().value().toArray(), dataKind, hashes));
        TransactionReceipt r;
        if (kind == DataCommitment.Kind.CALLDATA) {
            r = Chain.ok(d.inbox.appendBatch(header, b.calldata().toArray(), sig));
        } else {
            String data = d.inbox.appendBatch(header, new byte[0], sig).encodeFunctionCall();
            r = sendBlobs(data, b.blobs());
        }
        if (!r.isStatusOK()) {
            throw new IllegalStateException("appendBatch failed: " + r);
        }
        return r.getBlockNumber().longValueExact();
    }

    private TransactionReceipt sendBlobs(String data, List<BatchBlob> blobs) throws Exception {
        var web3j = d.chain.web3j();
        BigInteger nonce = web3j.ethGetTransactionCount(poster.getAddress(), DefaultBlockParameterName.PENDING)
                .send().getTransactionCount();
        List<Blob> raw = blobs.stream().map(b -> new Blob(b.blob().toArray())).toList();
        List<org.apache.tuweni.bytes.Bytes> commitments = blobs.stream()
                .map(b -> org.apache.tuweni.bytes.Bytes.wrap(b.commitment().toArray())).toList();
        List<org.apache.tuweni.bytes.Bytes> proofs = blobs.stream()
                .map(b -> org.apache.tuweni.bytes.Bytes.wrap(b.proof().toArray())).toList();
        List<org.apache.tuweni.bytes.Bytes> versioned = blobs.stream()
                .map(b -> org.apache.tuweni.bytes.Bytes.wrap(b.versionedHash().value().toArray())).toList();
        RawTransaction tx = RawTransaction.createTransaction(raw, commitments, proofs, Chain.CHAIN_ID, nonce, GWEI,
                GWEI.multiply(BigInteger.valueOf(20)), BigInteger.valueOf(800_000), d.inbox.getContractAddress(),
                BigInteger.ZERO, data, GWEI.multiply(BigInteger.valueOf(20)), versioned);
        EthSendTransaction sent = web3j.ethSendRawTransaction(
                Numeric.toHexString(TransactionEncoder.signMessage(tx, poster))).send();
        if (sent.hasError()) {
            throw new IllegalStateException("blob transaction refused: " + sent.getError().getMessage());
        }
        return new PollingTransactionReceiptProcessor(web3j, 50, 400).waitForTransactionReceipt(
                sent.getTransactionHash());
    }
}
