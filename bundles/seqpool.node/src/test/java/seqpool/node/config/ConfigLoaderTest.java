package seqpool.node.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
                  peers: ["10.0.0.2:4000", "node-b:4001"]
                l1: {chainId: 1, rpcUrl: "wss://eth.example:8546"}
                logging: {level: DEBUG, format: text}
                admin: {enabled: false, port: 0}
                """);
        assertEquals("n7", c.string("node.name"));
        assertEquals(4096L, c.longValue("store.mapSizeMb"));
        assertEquals("/var/lib/sp/store", c.string("store.path"));
        assertEquals(4000, c.integer("p2p.listenPort"));
        assertEquals(List.of("10.0.0.2:4000", "node-b:4001"), c.list("p2p.peers"));
        assertEquals("debug", c.string("logging.level"));
        assertEquals(false, c.bool("admin.enabled"));
        var p2p = c.properties("p2p");
        assertEquals(4000, p2p.get("listenPort"));
        assertArrayEquals(new String[] {"10.0.0.2:4000", "node-b:4001"}, (String[]) p2p.get("peers"));
        assertEquals(Long.class, c.properties("store").get("mapSizeMb").getClass());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "p2p: {listenPort: 70000}                  | p2p.listenPort: must be 1..65535, got 70000",
        "p2p: {listenPort: 0}                      | p2p.listenPort: must be 1..65535, got 0",
        "p2p: {listenPort: abc}                    | p2p.listenPort: must be a whole number, got \"abc\"",
        "p2p: {listenPortt: 7000}                  | p2p.listenPortt: unknown key (known in p2p: listenHost, listenPort",
        "consensu: {x: 1}                          | consensu: unknown section (known: node, store, p2p, l1, logging, admin)",
        "p2p: {peers: [\"nohost\"]}                | p2p.peers[0]: must be host:port, got \"nohost\"",
        "p2p: {peers: [\"a:99999\"]}               | p2p.peers[0]: port must be 1..65535, got 99999",
        "p2p: {peers: \"a:1\"}                     | p2p.peers: must be a list, got \"a:1\"",
        "p2p: {peers: [1]}                         | p2p.peers[0]: must be a string, got 1",
        "admin: {host: 8.8.8.8}                    | admin.host: must be a loopback address",
        "admin: {enabled: yes please}              | admin.enabled: must be true or false, got \"yes please\"",
        "logging: {level: verbose}                 | logging.level: must be one of trace, debug, info, warn, error, got \"verbose\"",
        "store: {mapSizeMb: 99999999999999999999}  | store.mapSizeMb: must be 16..1048576, got 99999999999999999999",
        "store: {mapSizeMb: 8}                     | store.mapSizeMb: must be 16..1048576, got 8",
        "l1: {rpcUrl: ftp://x}                     | l1.rpcUrl: must be an http(s) or ws(s) URL, got \"ftp://x\"",
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
    void missingFileIsAClearError(@TempDir Path dir) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(dir.resolve("nope.yaml")));
        assertTrue(e.getMessage().startsWith("file: no such file"), e.getMessage());
    }
}
