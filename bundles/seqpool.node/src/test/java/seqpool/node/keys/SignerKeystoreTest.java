package seqpool.node.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import seqpool.api.common.Hash32;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.codec.crypto.Secp256k1;

class SignerKeystoreTest {
    private static final Map<String, String> ENV = Map.of(Passphrase.ENV, "correct horse battery");

    @Test
    void generatedKeystoreLoadsToTheSameSigner(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/node.json");
        LocalNodeSigner made;
        byte[] secret;
        try (Passphrase p = Passphrase.from(null, ENV)) {
            made = SignerKeystore.generate(file, p, SignerKeystore.Strength.LIGHT, new SecureRandom());
            secret = made.exportPrivateKey();
        }
        String json = Files.readString(file);
        assertTrue(json.contains("\"crypto\"") && json.contains("scrypt"), json);
        assertFalse(json.toLowerCase().contains(HexFormat.of().formatHex(secret)), "the key is stored encrypted");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (Passphrase p = Passphrase.from(null, ENV)) {
            LocalNodeSigner loaded = SignerKeystore.load(file, p);
            assertEquals(made.address(), loaded.address());
            Hash32 digest = new Hash32(seqpool.api.common.Bytes.wrap(new byte[32]));
            assertTrue(Secp256k1.verify(digest, loaded.sign(digest), made.address()));
            assertFalse(loaded.toString().contains(HexFormat.of().formatHex(secret)));
        }
    }

    @Test
    void wrongPassphraseMissingFileAndOverwriteAreRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("node.json");
        try (Passphrase p = Passphrase.from(null, ENV)) {
            SignerKeystore.generate(file, p, SignerKeystore.Strength.LIGHT, new SecureRandom());
            KeyException again = assertThrows(KeyException.class,
                    () -> SignerKeystore.generate(file, p, SignerKeystore.Strength.LIGHT, new SecureRandom()));
            assertTrue(again.getMessage().contains("refusing to overwrite"));
        }
        try (Passphrase wrong = Passphrase.from(null, Map.of(Passphrase.ENV, "not the passphrase"))) {
            KeyException e = assertThrows(KeyException.class, () -> SignerKeystore.load(file, wrong));
            assertTrue(e.getMessage().contains("wrong passphrase"), e.getMessage());
            assertFalse(e.getMessage().contains("not the passphrase"));
        }
        try (Passphrase p = Passphrase.from(null, ENV)) {
            KeyException e = assertThrows(KeyException.class, () -> SignerKeystore.load(dir.resolve("none.json"), p));
            assertTrue(e.getMessage().startsWith("no key file at"), e.getMessage());
        }
    }

    @Test
    void passphraseSources(@TempDir Path dir) throws Exception {
        assertThrows(KeyException.class, () -> Passphrase.from(null, Map.of()));
        assertThrows(KeyException.class, () -> Passphrase.from(null, Map.of(Passphrase.ENV, "short")));
        Path f = dir.resolve("pass");
        Files.writeString(f, "from-the-file\nignored second line\n");
        try (Passphrase p = Passphrase.from(f, ENV)) {
            assertEquals("from-the-file", p.reveal());
            assertEquals("Passphrase[<redacted>]", p.toString());
        }
        KeyException missing = assertThrows(KeyException.class, () -> Passphrase.from(dir.resolve("nope"), ENV));
        assertTrue(missing.getMessage().startsWith("cannot read passphrase file"));
    }
}
