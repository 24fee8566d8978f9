package seqpool.submitter.post;

import java.math.BigInteger;
import java.util.List;

import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;

import seqpool.api.common.Bytes;
import seqpool.api.submitter.BatchHeader;
import seqpool.api.submitter.BuiltBatch;
import seqpool.api.submitter.DataCommitment;
import seqpool.contracts.wrappers.BatchInbox;

/** The calldata of {@code BatchInbox.appendBatch(header, data, poolSignature)} for a built, signed batch. */
public final class AppendBatchCall {
    private AppendBatchCall() {
    }

    /** @param poolSignature the pool's signature in the contract's encoding (PoolSignatureEncoding) */
    public static Bytes encode(BuiltBatch batch, Bytes poolSignature) {
        BatchHeader h = batch.header();
        BatchInbox.BatchHeader header = new BatchInbox.BatchHeader(BigInteger.valueOf(h.batchIndex()),
                BigInteger.valueOf(h.firstL2Block()), BigInteger.valueOf(h.lastL2Block()), h.blockHashes().value().toArray(),
                h.postStateRoot().value().toArray(),
                BigInteger.valueOf(h.data().kind().inboxCode()),
                h.data().hashes().stream().map(x -> x.value().toArray()).toList());
        Function f = new Function(BatchInbox.FUNC_APPENDBATCH, List.of(header,
                new DynamicBytes(batch.calldata().toArray()), new DynamicBytes(poolSignature.toArray())), List.of());
        return Bytes.fromHex(FunctionEncoder.encode(f));
    }
}
