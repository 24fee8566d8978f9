package seqpool.staking.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code contracts deploy --pool-key} checks the key before it deploys anything (no L1 is reachable here). */
class ContractsDeployPoolKeyTest {
    static final String GX = "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";
    static final String GY = "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8";
    @TempDir
    Path dir;

    String[] run(String poolKey) throws Exception {
        Path key = dir.resolve("key");
        Files.writeString(key, "0x" + "11".repeat(32));
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = new ContractsCommand().run(List.of("deploy", "--rpc", "http://127.0.0.1:9", "--key", key.toString(),
                "--out", dir.resolve("contracts.yaml").toString(), "--timeout-s", "1", "--pool-key", poolKey),
                new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        return new String[] {String.valueOf(code), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void aPointOffTheCurveIsRefusedBeforeAnyL1Call() throws Exception {
        String offCurve = GX + GY.substring(0, 63) + "9"; // G with y changed
        String[] r = run(offCurve);
        assertEquals("1", r[0]);
        assertTrue(r[2].contains("--pool-key") && r[2].contains("not a point on secp256k1"), r[2]);
        assertFalse(Files.exists(dir.resolve("contracts.yaml")));
    }

    @Test
    void aCompressedKeyIsRefusedWithTheExpectedEncoding() throws Exception {
        String[] r = run("02" + GX);
        assertEquals("1", r[0]);
        assertTrue(r[2].contains("--pool-key") && r[2].contains("64 bytes"), r[2]);
    }
}
