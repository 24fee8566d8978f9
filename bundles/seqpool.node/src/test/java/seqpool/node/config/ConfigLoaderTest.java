package seqpool.node.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
    private static final Path BASE = Path.of("/srv/seqpool");

    private static NodeConfig parse(String yaml) throws ConfigException {
        return ConfigLoader.parse(new StringReader(yaml), BASE, null);
    }

    @Test
    void emptyFileGivesEveryDefaultWithDerivedPaths() throws Exception {
        NodeConfig c = parse("");
        for (ConfigKey k : ConfigSchema.keys()) {
            if (k.type() != ValueType.PATH) {
                assertEquals(k.defaultValue(), c.value(k.path()), k.path());
            }
        }
        assertEquals("/srv/seqpool/data", c.string("node.dataDir"));
        assertEquals("/srv/seqpool/data/node-key.json", c.string("node.keyFile"));
        assertEquals("/srv/seqpool/data/store", c.string("store.path"));
        assertEquals("/srv/seqpool/data/admin.token", c.string("admin.tokenFile"));
        assertEquals("", c.string("node.passphraseFile"));
    }

    @Test
    void valuesAreTypedAndPublishedPerSection() throws Exception {
        NodeConfig c = parse("""
                node: {name: n7, dataDir: /var/lib/sp}
                store: {mapSizeMb: 4096}
                p2p:
                  listenPort: 4000
                  peers: ["0x52908400098527886e0f7030069857d2e4169ee7@10.0.0.2:4000", "0x8617E340B3D01FA5F11F306F4090FD50E238070D@node-b:4001"]
                  sendQueueMessages: 10
                  backoffMaxMs: 5000
                  handshakeTimeoutMs: 2500
                l1: {chainId: 1, rpcUrl: "wss://eth.example:8546"}
                logging: {level: DEBUG, format: text}
                admin: {enabled: false, port: 0}
                """);
        assertEquals("n7", c.string("node.name"));
        assertEquals(4096L, c.longValue("store.mapSizeMb"));
        assertEquals("/var/lib/sp/store", c.string("store.path"));
        assertEquals(4000, c.integer("p2p.listenPort"));
        assertEquals(List.of("0x52908400098527886e0f7030069857d2e4169ee7@10.0.0.2:4000", "0x8617E340B3D01FA5F11F306F4090FD50E238070D@node-b:4001"), c.list("p2p.peers"));
        assertEquals(10, c.integer("p2p.sendQueueMessages"));
        assertEquals(5000L, c.longValue("p2p.backoffMaxMs"));
        assertEquals(List.of("consensus/1", "mpc/1", "l2/1"), c.list("p2p.protocols"));
        assertEquals("debug", c.string("logging.level"));
        assertEquals(false, c.bool("admin.enabled"));
        var p2p = c.properties("p2p");
        assertEquals(4000, p2p.get("listenPort"));
        assertArrayEquals(new String[] {"0x52908400098527886e0f7030069857d2e4169ee7@10.0.0.2:4000", "0x8617E340B3D01FA5F11F306F4090FD50E238070D@node-b:4001"}, (String[]) p2p.get("peers"));
        assertArrayEquals(new String[] {"consensus/1", "mpc/1", "l2/1"}, (String[]) p2p.get("protocols"));
        // The p2p component's annotation reads these as long / int: the published types must match.
        assertEquals(Long.class, p2p.get("handshakeTimeoutMs").getClass());
        assertEquals(Long.class, p2p.get("banSeconds").getClass());
        assertEquals(Integer.class, p2p.get("sendQueueBytes").getClass());
        assertEquals(Long.class, c.properties("store").get("mapSizeMb").getClass());
        assertEquals(64, c.properties("store").get("maxDatabases"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "p2p: {listenPort: 70000}                  | p2p.listenPort: must be 0..65535, got 70000",
        "p2p: {listenPort: -1}                     | p2p.listenPort: must be 0..65535, got -1",
        "p2p: {listenPort: abc}                    | p2p.listenPort: must be a whole number, got \"abc\"",
        "p2p: {listenPortt: 7000}                  | p2p.listenPortt: unknown key (known in p2p: listenHost, listenPort",
        "consensu: {x: 1}                          | consensu: unknown section (known: node, store, p2p, staking, trace, consensus, tss, bridge, pos, sequencer, submitter, rpc, l1, logging, admin)",
        "p2p: {peers: [\"nohost\"]}                | p2p.peers[0]: expected address@host:port, got \"nohost\"",
        "p2p: {peers: [\"10.0.0.2:7400\"]}         | p2p.peers[0]: expected address@host:port, got \"10.0.0.2:7400\"",
        "p2p: {peers: [\"0x1234@h:1\"]}            | p2p.peers[0]: address must be 0x and 40 hex digits",
        "p2p: {peers: [\"0x52908400098527886e0f7030069857d2e4169ee7@h:99999\"]} | p2p.peers[0]: port must be 1..65535",
        "p2p: {peers: [\"0x52908400098527886e0f7030069857d2e4169ee7@h:x\"]}     | p2p.peers[0]: port must be a number",
        "p2p: {peers: [\"0x52908400098527886e0f7030069857d2e4169ee7@a b:1\"]}   | p2p.peers[0]: host must be a host name or IP address",
        "p2p: {peers: [\"0x52908400098527886e0f7030069857d2e4169ee7@h:1\", \"0x52908400098527886E0F7030069857D2E4169EE7@g:2\"]} | p2p.peers[1]: lists peer 0x52908400098527886e0f7030069857d2e4169ee7 twice",
        "p2p: {protocols: [consensus]}             | p2p.protocols[0]: must be channel/version",
        "p2p: {maxFrameBytes: 8192, sendQueueBytes: 8192} | p2p.sendQueueBytes: must hold one largest frame (at least maxFrameBytes + 4 = 8196), got 8192",
        "p2p: {backoffMinMs: 500, backoffMaxMs: 100} | p2p.backoffMaxMs: must be at least backoffMinMs (500), got 100",
        "p2p: {handshakeTimeoutMs: 50}             | p2p.handshakeTimeoutMs: must be 100..600000, got 50",
        "p2p: {sendQueueSize: 5}                   | p2p.sendQueueSize: unknown key",
        "staking: {rpcUrl: \"ws://x:8546\"}        | staking.rpcUrl: must be a URL with scheme http, https, got \"ws://x:8546\"",
        "staking: {confirmations: -1}              | staking.confirmations: must be 0..10000, got -1",
        "store: {maxDatabases: 0}                  | store.maxDatabases: must be 1..4096, got 0",
        "pos: {epochLength: 5}                     | staking: the pos section runs the pool, which needs a staking section too",
        "{staking: {}, pos: {}, consensus: {}, tss: {}, bridge: {}} | sequencer: the pos section runs the pool",
        "consensus: {commitPauseMs: 10}            | consensus: runs only as part of the pool: add a pos section",
        "{staking: {}, pos: {epochLength: 0}, consensus: {}, tss: {}, bridge: {}, sequencer: {}} | pos.epochLength: must be 1..1000000000, got 0",
        "p2p: {peers: \"a:1\"}                     | p2p.peers: must be a list, got \"a:1\"",
        "p2p: {peers: [1]}                         | p2p.peers[0]: must be a string, got 1",
        "admin: {host: 8.8.8.8}                    | admin.host: must be a loopback address",
        "admin: {enabled: yes please}              | admin.enabled: must be true or false, got \"yes please\"",
        "logging: {level: verbose}                 | logging.level: must be one of trace, debug, info, warn, error, got \"verbose\"",
        "store: {mapSizeMb: 99999999999999999999}  | store.mapSizeMb: must be 16..1048576, got 99999999999999999999",
        "store: {mapSizeMb: 8}                     | store.mapSizeMb: must be 16..1048576, got 8",
        "l1: {rpcUrl: ftp://x}                     | l1.rpcUrl: must be a URL with scheme http, https, ws, wss, got \"ftp://x\"",
        "node: {name: \"\"}                        | node.name: must not be empty",
        "p2p: 5                                    | p2p: must be a map of keys, got 5",
        "- just a list                             | file: must be a map of sections",
    })
    void invalidConfigNamesTheKey(String yaml, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(yaml));
        assertTrue(e.getMessage().startsWith(expected), () -> "got: " + e.getMessage());
    }

    @Test
    void duplicateKeysAndBrokenYamlAreErrors() {
        ConfigException dup = assertThrows(ConfigException.class, () -> parse("p2p:\n  listenPort: 1\n  listenPort: 2\n"));
        assertTrue(dup.getMessage().startsWith("file: not valid YAML"), dup.getMessage());
        ConfigException broken = assertThrows(ConfigException.class, () -> parse("p2p: [unclosed\n"));
        assertTrue(broken.getMessage().contains("not valid YAML"), broken.getMessage());
    }

    @Test
    void relativePathsResolveAgainstTheConfigFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("conf/node.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "node:\n  dataDir: ../state\n  passphraseFile: pass.txt\n");
        NodeConfig c = ConfigLoader.load(file);
        assertEquals(dir.resolve("state").toString(), c.string("node.dataDir"));
        assertEquals(dir.resolve("conf/pass.txt").toString(), c.string("node.passphraseFile"));
        assertEquals(file.toAbsolutePath(), c.source());
    }

    @Test
    void stakingIsPublishedOnlyWhenTheFileHasTheSection() throws Exception {
        NodeConfig without = parse("node: {name: a}\n");
        assertFalse(without.inFile("staking"));
        assertTrue(ConfigSchema.optionalSection("staking"));
        NodeConfig with = parse("staking:\n  rpcUrl: http://10.0.0.9:8545\n  contractsFile: l1/contracts.yaml\n"
                + "  confirmations: 2\n  pollMs: 500\n");
        assertTrue(with.inFile("staking"));
        var props = with.properties("staking");
        assertEquals("http://10.0.0.9:8545", props.get("rpcUrl"));
        assertEquals("/srv/seqpool/l1/contracts.yaml", props.get("contractsFile"));
        assertEquals(2, props.get("confirmations"));
        assertEquals(500L, props.get("pollMs"));
        assertEquals("/srv/seqpool/contracts.yaml", without.string("staking.contractsFile"));
    }

    @Test
    void peerSpecsAreFormattedAsTheTransportParsesThem() throws Exception {
        String spec = PeerSpec.format("0x8617E340B3D01FA5F11F306F4090FD50E238070D", "127.0.0.1", 7401);
        assertEquals("0x8617e340b3d01fa5f11f306f4090fd50e238070d@127.0.0.1:7401", spec);
        assertEquals("0x8617e340b3d01fa5f11f306f4090fd50e238070d", PeerSpec.check("p", spec));
        assertEquals("0x52908400098527886e0f7030069857d2e4169ee7@[::1]:7400", PeerSpec.format("0x52908400098527886e0f7030069857d2e4169ee7", "::1", 7400));
        assertEquals("0x52908400098527886e0f7030069857d2e4169ee7", PeerSpec.check("p", "0x52908400098527886e0f7030069857d2e4169ee7@[::1]:7400"));
    }

    @Test
    void missingFileIsAClearError(@TempDir Path dir) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(dir.resolve("nope.yaml")));
        assertTrue(e.getMessage().startsWith("file: no such file"), e.getMessage());
    }
}
