package seqpool.sequencer.rpc.server;

import java.security.SecureRandom;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

import seqpool.sequencer.rpc.dispatch.RpcProcessor;

/** What every connection of one server shares. */
record ServerContext(RpcSettings settings, RpcProcessor processor, Executor workers, HeadFanout fanout,
        SecureRandom random, LongSupplier nanoClock) {
}
