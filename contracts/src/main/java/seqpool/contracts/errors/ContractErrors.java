package seqpool.contracts.errors;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * Turns revert data into a {@link DecodedError}, from the table of custom errors that the build extracted from the
 * contracts' ABIs ({@code seqpool/contracts/artifacts/errors.txt}) plus Solidity's {@code Error(string)} and
 * {@code Panic(uint256)}. Immutable and thread-safe.
 */
public final class ContractErrors {
    private static final String RESOURCE = "/seqpool/contracts/artifacts/errors.txt";
    private static volatile ContractErrors instance;

    private final Map<String, String> bySelector;

    private ContractErrors(Map<String, String> bySelector) {
        this.bySelector = Map.copyOf(bySelector);
    }

    /** The table of this jar's contracts (loaded once). */
    public static ContractErrors get() {
        ContractErrors e = instance;
        if (e == null) {
            e = load();
            instance = e;
        }
        return e;
    }

    private static ContractErrors load() {
        Map<String, String> table = new HashMap<>();
        table.put(selectorOf("Error(string)"), "Error(string)");
        table.put(selectorOf("Panic(uint256)"), "Panic(uint256)");
        try (InputStream in = ContractErrors.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE + " (the contracts build did not run)");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    table.put(selectorOf(line.trim()), line.trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ContractErrors(table);
    }

    /** The 4-byte selector of a canonical error signature, as 0x-prefixed lower-case hex. */
    public static String selectorOf(String signature) {
        return Hash.sha3String(signature).substring(0, 10);
    }

    /** Decodes 0x-prefixed revert data; empty if it is too short or the selector is unknown. */
    public Optional<DecodedError> decode(String revertData) {
        if (revertData == null || revertData.length() < 10) {
            return Optional.empty();
        }
        String hex = revertData.toLowerCase(Locale.ROOT);
        String signature = bySelector.get(hex.substring(0, 10));
        if (signature == null) {
            return Optional.empty();
        }
        String name = signature.substring(0, signature.indexOf('('));
        String params = signature.substring(signature.indexOf('(') + 1, signature.length() - 1);
        List<TypeReference<Type>> refs = new ArrayList<>();
        try {
            for (String t : params.isEmpty() ? new String[0] : params.split(",")) {
                refs.add(TypeReference.makeTypeReference(t));
            }
            @SuppressWarnings({"unchecked", "rawtypes"})
            List<Type> values = FunctionReturnDecoder.decode("0x" + hex.substring(10), (List) refs);
            List<Object> args = new ArrayList<>();
            for (Type v : values) {
                args.add(v.getValue());
            }
            return Optional.of(new DecodedError(name, signature, args));
        } catch (ClassNotFoundException | RuntimeException e) {
            return Optional.of(new DecodedError(name, signature, List.of(Numeric.prependHexPrefix(hex.substring(10)))));
        }
    }

    /** The decoded error as text, or the raw data when it cannot be decoded. */
    public String describe(String revertData) {
        return decode(revertData).map(DecodedError::toString)
                .orElse(revertData == null || revertData.isEmpty() ? "(no revert data)" : "revert data " + revertData);
    }
}
