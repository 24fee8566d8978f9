package seqpool.sequencer.derive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** Options over the node's configuration file over a node's defaults; usage errors exit 2 with one clear line. */
class DeriveSettingsTest {
    @TempDir
    Path dir;

    static final CodecSource NO_CODEC = (c, f, m) -> {
        throw new IllegalStateException("not in this test");
    };

    DeriveSettings settings(Map<String, String> env, String... args) throws Exception {
        DeriveCli cli = new DeriveCli(NO_CODEC, env, System.out, System.err);
        new CommandLine(cli).parseArgs(args);
        return cli.settings();
    }

    @Test
    void theNodeConfigurationGivesTheGenesisAndWhereL1Is() throws Exception {
        Path anvil = Files.writeString(dir.resolve("anvil"), "#!/bin/sh\n");
        anvil.toFile().setExecutable(true);
        Path config = Files.writeString(dir.resolve("node.yaml"), """
                staking:
                  rpcUrl: http://l1:8545
                  contractsFile: out/contracts.yaml
                pos:
                  l2ChainId: 777
                  firstL2Block: 5
                sequencer:
                  engine: evm
                  anvilBinary: anvil
                  genesisTimestamp: 1800000000
                submitter:
                  l1Fork: cancun
                """);
        DeriveSettings s = settings(Map.of(), "--config", config.toString());
        assertEquals("http://l1:8545", s.l1Url());
        assertEquals("http://l1:8545", s.beaconUrl());
        assertEquals(dir.resolve("out/contracts.yaml"), s.contractsFile());
        assertEquals(777, s.l2ChainId());
        assertEquals(5, s.firstL2Block());
        assertEquals("evm", s.engine());
        assertEquals(1_800_000_000L, s.genesisTimestamp());
        assertEquals(Optional.of(anvil), s.anvil());
        assertEquals("cancun", s.l1Fork());
        assertEquals(-1, s.from());

        DeriveSettings o = settings(Map.of(), "--config", config.toString(), "--l1", "http://other", "--engine",
                "embedded", "--chain-id", "9", "--from", "12", "--beacon", "http://cl:5052");
        assertEquals("http://other", o.l1Url());
        assertEquals("http://cl:5052", o.beaconUrl());
        assertEquals("embedded", o.engine());
        assertEquals(9, o.l2ChainId());
        assertEquals(12, o.from());
    }

    @Test
    void withoutAConfigurationANodesDefaultsApply() throws Exception {
        DeriveSettings s = settings(Map.of(), "--l1", "http://l1");
        assertEquals(901, s.l2ChainId());
        assertEquals(1, s.firstL2Block());
        assertEquals("embedded", s.engine());
        assertEquals(Path.of("contracts.yaml"), s.contractsFile());
        assertEquals("prague", s.l1Fork());
    }

    @Test
    void usageErrorsExitTwoWithOneLine() {
        for (List<String> args : List.<List<String>>of(List.of(), List.of("--l1", "http://l1", "--engine", "jvm"),
                List.of("--l1", "http://l1", "--engine", "evm", "--anvil", dir.resolve("missing").toString()),
                List.of("--l1", "http://l1", "--from", "-3"), List.of("--bogus"),
                List.of("--config", dir.resolve("absent.yaml").toString()))) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
            int code = DeriveCommand.execute(new DeriveCli(NO_CODEC, Map.of(), System.out, e), args, System.out, e);
            assertEquals(2, code, args + ": " + err);
            assertTrue(!err.toString(StandardCharsets.UTF_8).contains("Exception"), err.toString());
        }
    }
}
