package seqpool.bridge.l1;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.bridge.follow.BlockHeader;
import seqpool.bridge.follow.BlockRange;
import seqpool.bridge.follow.L1Chain;
import seqpool.bridge.follow.L1Exception;
import seqpool.bridge.follow.RawLog;

/**
 * {@link L1Chain} over a web3j client: one JSON-RPC call per method, no retries (see {@link RetryingL1Chain}).
 * Every failure, including web3j's unchecked ones and malformed answers, becomes an {@link L1Exception} naming the
 * call. Thread-safe as far as the web3j client is.
 */
public final class Web3jL1Chain implements L1Chain {
    private static final int MAX_MESSAGE = 300;
    private final Web3j web3j;

    public Web3jL1Chain(Web3j web3j) {
        this.web3j = Objects.requireNonNull(web3j, "web3j");
    }

    @Override
    public long chainId() throws L1Exception {
        return number("eth_chainId", send("eth_chainId", web3j.ethChainId()).getChainId());
    }

    @Override
    public long headNumber() throws L1Exception {
        return number("eth_blockNumber", send("eth_blockNumber", web3j.ethBlockNumber()).getBlockNumber());
    }

    @Override
    public BlockHeader header(long number) throws L1Exception {
        String what = "eth_getBlockByNumber " + number;
        EthBlock.Block b = send(what, web3j.ethGetBlockByNumber(param(number), false)).getBlock();
        if (b == null) {
            throw new L1Exception(what + ": no such block (is the node behind or syncing?)");
        }
        try {
            long n = number(what, b.getNumber());
            if (n != number) {
                throw new L1Exception(what + ": the node answered block " + n);
            }
            return new BlockHeader(n, Hash32.fromHex(b.getHash()), Hash32.fromHex(b.getParentHash()));
        } catch (RuntimeException e) {
            throw new L1Exception(what + ": malformed block: " + describe(e), e);
        }
    }

    @Override
    public List<RawLog> logs(BlockRange range, List<Address> contracts) throws L1Exception {
        String what = "eth_getLogs " + range;
        List<String> addresses = contracts.stream().map(Address::toHex).toList();
        EthFilter filter = new EthFilter(param(range.from()), param(range.to()), addresses);
        EthLog answer = send(what, web3j.ethGetLogs(filter));
        List<EthLog.LogResult> results = answer.getLogs();
        if (results == null) {
            throw new L1Exception(what + ": no result");
        }
        List<RawLog> out = new ArrayList<>(results.size());
        for (EthLog.LogResult<?> r : results) {
            if (!(r.get() instanceof Log log)) {
                throw new L1Exception(what + ": the node answered hashes instead of logs");
            }
            try {
                out.add(new RawLog(number(what, log.getBlockNumber()), Hash32.fromHex(log.getBlockHash()),
                        Hash32.fromHex(log.getTransactionHash()),
                        Math.toIntExact(number(what, log.getLogIndex())), Address.fromHex(log.getAddress()),
                        log.getTopics().stream().map(Hash32::fromHex).toList(),
                        Bytes.fromHex(log.getData() == null ? "0x" : log.getData()), log.isRemoved()));
            } catch (RuntimeException e) {
                throw new L1Exception(what + ": malformed log: " + describe(e), e);
            }
        }
        return out;
    }

    private static DefaultBlockParameter param(long block) {
        return DefaultBlockParameter.valueOf(BigInteger.valueOf(block));
    }

    private static long number(String what, BigInteger n) throws L1Exception {
        if (n == null || n.signum() < 0 || n.bitLength() > 62) {
            throw new L1Exception(what + ": missing or invalid number " + n);
        }
        return n.longValueExact();
    }

    private static <R extends Response<?>> R send(String what, Request<?, R> request) throws L1Exception {
        R response;
        try {
            response = request.send();
        } catch (IOException | RuntimeException e) {
            throw new L1Exception(what + ": " + describe(e), e);
        }
        if (response == null) {
            throw new L1Exception(what + ": empty answer");
        }
        if (response.hasError()) {
            Response.Error err = response.getError();
            throw new L1Exception(what + ": JSON-RPC error " + err.getCode() + ": " + shorten(err.getMessage()));
        }
        return response;
    }

    /** The exception's type and message, shortened, for one log line. */
    static String describe(Throwable e) {
        String message = e.getMessage();
        String type = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + shorten(message);
    }

    private static String shorten(String s) {
        if (s == null) {
            return "";
        }
        String oneLine = s.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE) + "…";
    }
}
