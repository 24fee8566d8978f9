package seqpool.submitter.post;

import java.io.IOException;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.contracts.errors.ContractErrors;

/** {@link L1Port} over web3j JSON-RPC; reverts are decoded with the contracts' custom errors. Thread-safe. */
public final class Web3jL1Port implements L1Port {
    private final Web3jService service;
    private final Web3j web3j;
    private final Address inbox;
    private final Address account;

    public Web3jL1Port(Web3jService service, Address inbox, Address account) {
        this.service = service;
        this.web3j = Web3j.build(service);
        this.inbox = inbox;
        this.account = account;
    }

    @Override
    public long chainId() throws IOException {
        return check(web3j.ethChainId().send(), "eth_chainId").getChainId().longValueExact();
    }

    @Override
    public long lastBatchIndex() throws IOException {
        Function f = new Function("lastBatchIndex", List.of(), List.of(new TypeReference<Uint64>() { }));
        EthCall r = check(web3j.ethCall(Transaction.createEthCallTransaction(account.toHex(), inbox.toHex(),
                FunctionEncoder.encode(f)), DefaultBlockParameterName.LATEST).send(), "lastBatchIndex");
        List<Type> out = FunctionReturnDecoder.decode(r.getValue(), f.getOutputParameters());
        if (out.isEmpty()) {
            throw new IOException("lastBatchIndex returned nothing: is " + inbox + " a BatchInbox?");
        }
        return ((BigInteger) out.get(0).getValue()).longValueExact();
    }

    @Override
    public Estimate estimate(Bytes calldata, List<Hash32> blobHashes) throws IOException {
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("from", account.toHex());
        call.put("to", inbox.toHex());
        call.put("data", "0x" + calldata.toHex());
        if (!blobHashes.isEmpty()) {
            call.put("blobVersionedHashes", blobHashes.stream().map(h -> "0x" + h.value().toHex()).toList());
            call.put("maxFeePerBlobGas", Numeric.toHexStringWithPrefix(fees().blobBaseFee().shiftLeft(1).max(BigInteger.ONE)));
        }
        EthEstimateGas r = new Request<>("eth_estimateGas", List.of(call), service, EthEstimateGas.class).send();
        if (r.hasError()) {
            String data = r.getError().getData() == null ? "" : r.getError().getData().replace("\"", "");
            String why = data.startsWith("0x") && data.length() >= 10 ? ContractErrors.get().describe(data)
                    : r.getError().getMessage();
            return new Estimate(0, Optional.of(why));
        }
        return new Estimate(r.getAmountUsed().longValueExact(), Optional.empty());
    }

    @Override
    public Fees fees() throws IOException {
        EthBlock.Block latest = check(web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send(),
                "latest block").getBlock();
        BigInteger tip = check(web3j.ethMaxPriorityFeePerGas().send(), "eth_maxPriorityFeePerGas")
                .getMaxPriorityFeePerGas();
        BlobBaseFee blob = check(new Request<>("eth_blobBaseFee", List.of(), service, BlobBaseFee.class).send(),
                "eth_blobBaseFee");
        return new Fees(latest.getBaseFeePerGas(), tip, Numeric.decodeQuantity(blob.getResult()));
    }

    @Override
    public long pendingNonce() throws IOException {
        return check(web3j.ethGetTransactionCount(account.toHex(), DefaultBlockParameterName.PENDING).send(),
                "nonce").getTransactionCount().longValueExact();
    }

    @Override
    public Optional<String> send(Bytes rawTransaction) throws IOException {
        EthSendTransaction r = web3j.ethSendRawTransaction("0x" + rawTransaction.toHex()).send();
        return r.hasError() ? Optional.of(r.getError().getMessage()) : Optional.empty();
    }

    @Override
    public Optional<Receipt> receipt(Hash32 transaction) throws IOException {
        Optional<TransactionReceipt> r = check(web3j.ethGetTransactionReceipt("0x" + transaction.value().toHex())
                .send(), "receipt").getTransactionReceipt();
        return r.map(x -> new Receipt(x.isStatusOK(), x.getBlockNumber().longValueExact(),
                Hash32.fromHex(x.getBlockHash()), new Cost(x.getGasUsed().longValueExact(),
                        quantity(x.getEffectiveGasPrice()), quantity(x.getBlobGasUsed()).longValueExact(),
                        quantity(x.getBlobGasPrice()))));
    }

    /** A hex quantity of a receipt; absent (no blob, pre-London) is 0. */
    private static BigInteger quantity(String hex) {
        return hex == null || hex.isEmpty() ? BigInteger.ZERO : org.web3j.utils.Numeric.decodeQuantity(hex);
    }

    @Override
    public Optional<Hash32> blockHash(long number) throws IOException {
        EthBlock b = check(web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false)
                .send(), "block " + number);
        return Optional.ofNullable(b.getBlock()).map(x -> Hash32.fromHex(x.getHash()));
    }

    @Override
    public long finalizedBlock() throws IOException {
        EthBlock b = check(web3j.ethGetBlockByNumber(DefaultBlockParameterName.FINALIZED, false).send(), "finalized");
        return b.getBlock() == null ? 0 : b.getBlock().getNumber().longValueExact();
    }

    private static <T extends Response<?>> T check(T r, String what) throws IOException {
        if (r.hasError()) {
            throw new IOException(what + ": " + r.getError().getMessage());
        }
        return r;
    }

    /** The answer of eth_blobBaseFee (a quantity). */
    public static final class BlobBaseFee extends Response<String> {
    }

    @Override
    public String toString() {
        return "BatchInbox " + inbox + " as " + account;
    }
}
