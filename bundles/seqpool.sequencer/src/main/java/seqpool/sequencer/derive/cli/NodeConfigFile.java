package seqpool.sequencer.derive.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The few keys of a node's YAML configuration (docs/configuration.md) that derivation needs: the L2 genesis
 * ({@code pos.l2ChainId}, {@code pos.firstL2Block}, {@code sequencer.engine}, {@code sequencer.genesisTimestamp},
 * {@code sequencer.anvilBinary}), where L1 and the contracts are ({@code staking.rpcUrl}, {@code
 * staking.contractsFile}) and the batch codec's fork ({@code submitter.l1Fork}, {@code
 * submitter.maxBlobsPerTransaction}). Other keys are ignored (the node checks them); relative paths are resolved
 * against the file's directory, as the node does.
 */
final class NodeConfigFile {
    private final Map<?, ?> root;
    private final Path dir;

    private NodeConfigFile(Map<?, ?> root, Path dir) {
        this.root = root;
        this.dir = dir;
    }

    static NodeConfigFile empty() {
        return new NodeConfigFile(Map.of(), Path.of("."));
    }

    static NodeConfigFile read(Path file) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object o = new Yaml(new SafeConstructor(options)).load(r);
            if (o != null && !(o instanceof Map<?, ?>)) {
                throw new IOException(file + " is not a YAML mapping of sections");
            }
            return new NodeConfigFile(o == null ? Map.of() : (Map<?, ?>) o, file.toAbsolutePath().getParent());
        } catch (RuntimeException e) {
            throw new IOException(file + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    Optional<String> string(String section, String key) {
        Object s = root.get(section);
        if (s instanceof Map<?, ?> m && m.get(key) != null) {
            return Optional.of(String.valueOf(m.get(key)));
        }
        return Optional.empty();
    }

    Optional<Long> number(String section, String key) throws IOException {
        Optional<String> v = string(section, key);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(v.get().trim()));
        } catch (NumberFormatException e) {
            throw new IOException(section + "." + key + " is not an integer: " + v.get());
        }
    }

    Optional<Path> path(String section, String key) {
        return string(section, key).filter(s -> !s.isBlank()).map(s -> dir.resolve(s).normalize());
    }
}
