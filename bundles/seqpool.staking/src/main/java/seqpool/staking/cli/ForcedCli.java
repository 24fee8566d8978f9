package seqpool.staking.cli;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.web3j.crypto.Credentials;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.StaticEIP1559GasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Numeric;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import seqpool.contracts.deploy.DeployedContracts;
import seqpool.contracts.errors.ContractErrors;
import seqpool.contracts.wrappers.ForcedInclusionQueue;

/**
 * The {@code forced} command tree: {@code enqueue} puts a signed L2 transaction into L1's ForcedInclusionQueue (paying
 * the queue's fee) and prints its index; {@code status} prints the queue's length, fee and accumulator.
 */
@Command(name = "forced", mixinStandardHelpOptions = true, description = "Forced inclusion through L1.",
        subcommands = {ForcedCli.Enqueue.class, ForcedCli.Status.class})
final class ForcedCli extends Printing implements Callable<Integer> {
    @Override
    public Integer call() {
        out().println("usage: seqpool forced enqueue --rpc URL --key FILE --tx HEX [--contracts contracts.yaml]");
        out().println("       seqpool forced status --rpc URL [--contracts contracts.yaml]");
        return 2;
    }

    /** Where the queue is: {@code --queue}, else the addresses file's {@code forcedInclusionQueue}. */
    static final class QueueOptions {
        @Option(names = "--contracts", defaultValue = "contracts.yaml",
                description = "addresses file written by `seqpool contracts deploy` (default contracts.yaml)")
        Path contractsFile;

        @Option(names = "--queue", description = "the ForcedInclusionQueue address (default: from --contracts)")
        String queue;

        String address(Web3j web3j) throws Exception {
            if (queue != null) {
                return queue;
            }
            DeployedContracts c = DeployedContracts.readFrom(contractsFile);
            long chainId = web3j.ethChainId().send().getChainId().longValueExact();
            if (chainId != c.chainId()) {
                throw new IllegalStateException("the L1 node is chain " + chainId + " but " + contractsFile
                        + " was deployed on chain " + c.chainId());
            }
            return c.forcedInclusionQueue().orElseThrow(() -> new IllegalStateException(contractsFile
                    + " names no forcedInclusionQueue: these contracts were deployed before forced inclusion existed"));
        }
    }

    @Command(name = "enqueue", mixinStandardHelpOptions = true,
            description = "Enqueue a signed L2 transaction (raw hex, as eth_sendRawTransaction takes it) on L1. The pool "
                    + "must include it within its forcedInclusionBlocks once it has committed the message.")
    static final class Enqueue extends Printing implements Callable<Integer> {
        @Mixin
        L1Options l1;

        @Mixin
        QueueOptions where;

        @Option(names = "--tx", required = true, description = "the signed L2 transaction, 0x-prefixed hex")
        String tx;

        @Override
        public Integer call() throws Exception {
            byte[] raw = Numeric.hexStringToByteArray(tx);
            if (raw.length == 0) {
                throw new IllegalArgumentException("--tx is empty");
            }
            try {
                TransactionDecoder.decode(Numeric.toHexString(raw));
            } catch (RuntimeException e) {
                out().println("warning: --tx does not decode as a signed transaction; the pool will consume it "
                        + "without effect");
            }
            Web3j web3j = l1.connect();
            try {
                Credentials c = l1.credentials();
                long chainId = web3j.ethChainId().send().getChainId().longValueExact();
                String address = where.address(web3j);
                var tm = new RawTransactionManager(web3j, c, chainId, new PollingTransactionReceiptProcessor(web3j,
                        l1.pollMs, (int) Math.max(1, l1.timeout().toMillis() / l1.pollMs)));
                BigInteger base = web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock()
                        .getBaseFeePerGas();
                BigInteger tip = BigInteger.valueOf(1_000_000_000L);
                var gas = new StaticEIP1559GasProvider(chainId, base.shiftLeft(1).add(tip), tip,
                        BigInteger.valueOf(200_000 + 64L * raw.length));
                ForcedInclusionQueue q = ForcedInclusionQueue.load(address, web3j, tm, gas);
                BigInteger fee = q.fee().send();
                String data = q.enqueue(raw, fee).encodeFunctionCall();
                EthCall dry = web3j.ethCall(Transaction.createFunctionCallTransaction(c.getAddress(), null, null, null,
                        address, fee, data), DefaultBlockParameterName.LATEST).send();
                if (dry.hasError()) {
                    String reason = dry.getError().getData() == null ? dry.getError().getMessage()
                            : ContractErrors.get().describe(dry.getError().getData().replace("\"", ""));
                    throw new IllegalStateException("enqueue would revert: " + reason);
                }
                TransactionReceipt r = q.enqueue(raw, fee).send();
                var events = ForcedInclusionQueue.getForcedTransactionQueuedEvents(r);
                if (!r.isStatusOK() || events.isEmpty()) {
                    throw new IllegalStateException("enqueue failed: " + r.getTransactionHash() + " status "
                            + r.getStatus());
                }
                out().println("enqueued forced message " + events.get(0).index + " (" + raw.length + " bytes, fee "
                        + fee + " wei): L1 tx " + r.getTransactionHash() + " in block " + r.getBlockNumber());
                return 0;
            } finally {
                web3j.shutdown();
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "The queue's length, fee and accumulator.")
    static final class Status extends Printing implements Callable<Integer> {
        @Option(names = "--rpc", required = true, description = "L1 JSON-RPC URL, e.g. http://127.0.0.1:8545")
        String rpc;

        @Mixin
        QueueOptions where;

        @Override
        public Integer call() throws Exception {
            Web3j web3j = Web3j.build(new org.web3j.protocol.http.HttpService(rpc));
            try {
                String address = where.address(web3j);
                var tm = new org.web3j.tx.ReadonlyTransactionManager(web3j, address);
                ForcedInclusionQueue q = ForcedInclusionQueue.load(address, web3j, tm,
                        new org.web3j.tx.gas.DefaultGasProvider());
                out().println("queue " + address + ": length " + q.length().send() + ", fee " + q.fee().send()
                        + " wei, max " + q.MAX_TX_BYTES().send() + " bytes, accumulator "
                        + Numeric.toHexString(q.accumulator().send()));
                return 0;
            } finally {
                web3j.shutdown();
            }
        }
    }
}
